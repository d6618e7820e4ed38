export const MACHINE_DIAGRAM_MESSAGES = {
  vi: {
    title: (version: number, current: string | null) =>
      `Sơ đồ quy trình xét khen thưởng, phiên bản ${version}${current ? `; hồ sơ đang ở bước “${current}”` : ''}`,
    transition: (from: string, event: string, to: string, who: string) => `${from} → ${to}: ${event}${who ? ` (${who})` : ''}.`,
    finals: (names: string) => `Kết thúc: ${names}.`,
    timers: (events: string) =>
      `Không vẽ: ${events} — hệ thống tự gửi khi gần đến hạn, đến hạn và quá hạn, ở mọi bước chưa kết thúc; chúng chỉ nâng mức cảnh báo, không đổi bước.`,
    stays: (event: string, states: string) => `Không vẽ: ${event} (ở bước ${states}) — không đổi bước.`,
    legend: 'Nét đứt: quay lại một bước trước. Khung viền kép: bước kết thúc. Khung tô đậm: bước hiện tại.',
    system: 'hệ thống',
  },
  en: {
    title: (version: number, current: string | null) =>
      `Commendation workflow, version ${version}${current ? `; the proposal is at “${current}”` : ''}`,
    transition: (from: string, event: string, to: string, who: string) => `${from} → ${to}: ${event}${who ? ` (${who})` : ''}.`,
    finals: (names: string) => `Outcomes: ${names}.`,
    timers: (events: string) =>
      `Not drawn: ${events} — the system sends them before, at and after a deadline, in every open stage; they only raise the warning level and change no stage.`,
    stays: (event: string, states: string) => `Not drawn: ${event} (in ${states}) — changes no stage.`,
    legend: 'Dashed: back to an earlier stage. Double border: an outcome. Filled, thick border: the current stage.',
    system: 'system',
  },
};
