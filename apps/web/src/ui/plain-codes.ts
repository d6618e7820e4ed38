import { AWARD_FORM_NAMES, BASIS_NAMES, DOCUMENT_KIND_NAMES, EVENT_NAMES, KIND_NAMES, NOMINEE_TYPE_NAMES, STATE_NAMES } from '../i18n/common.messages.js';
import type { Lang } from '../i18n/i18n.js';

/**
 * The codes a server text may carry (an achievement basis, an award form, a stage, an event, a document kind),
 * each with its name, so that a rule's message never shows `outside_duty` or `councilScreening` to an
 * official. A code in brackets after the words it stands for, "… nhiệm vụ phải đảm nhiệm (outside_duty)", is
 * dropped; a code standing alone is replaced by its name.
 */
function namesOf(lang: Lang): Map<string, string> {
  const names = new Map<string, string>();
  for (const table of [BASIS_NAMES, AWARD_FORM_NAMES, NOMINEE_TYPE_NAMES, KIND_NAMES, DOCUMENT_KIND_NAMES, STATE_NAMES, EVENT_NAMES]) {
    for (const [code, name] of Object.entries(table[lang] as Record<string, string>)) if (!names.has(code)) names.set(code, name);
  }
  return names;
}

const NAMES: Record<Lang, Map<string, string>> = { vi: namesOf('vi'), en: namesOf('en') };

// Codes are ASCII identifiers: snake_case, camelCase or UPPER_CASE; plain lower-case words are left alone
// unless they are a known code in brackets ("(rescue)").
const IDENTIFIER = /\(([A-Za-z][A-Za-z0-9_]*)\)|\b([a-z]+(?:_[a-z0-9]+)+|[a-z]+(?:[A-Z][a-z0-9]+)+|[A-Z]{3,}(?:_[A-Z]+)*)\b/g;

export function plainText(text: string, lang: Lang): string {
  const names = NAMES[lang];
  return text
    .replace(IDENTIFIER, (whole, bracketed: string | undefined, bare: string | undefined) => {
      if (bracketed !== undefined) return names.has(bracketed) ? '\u0000' : whole;
      return names.get(bare!) ?? whole;
    })
    .replace(/\s*\u0000/g, '');
}
