import { hasVisibleText, isSingleLine } from '#kernel';
import { propertyCheck } from './property-check.decorator.js';

export const HasVisibleText = propertyCheck('hasVisibleText', hasVisibleText, '$property must hold visible text, not only spaces or invisible characters');

export const IsSingleLine = propertyCheck('isSingleLine', isSingleLine, '$property must be one line (no line breaks or tabs)');
