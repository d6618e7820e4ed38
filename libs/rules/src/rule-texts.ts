import type { RuleId } from './rule-finding.js';

/** What a reviewer reads behind a rule ID; the console links every finding and deadline to one of these. */
export interface RuleText {
  title: string;
  titleEn: string;
  /** Vietnamese, close to the directive's words, with how the system applies it. */
  summary: string;
  summaryEn: string;
  /** Where the rule comes from, as a Vietnamese reviewer would look it up. */
  source: string;
  sourceEn: string;
}

const DIRECTIVE = 'Công văn của UBND tỉnh Lạng Sơn V/v khen thưởng chuyên đề, đột xuất (tháng 5/2022)';
const DIRECTIVE_EN = "Lạng Sơn Provincial People's Committee, official letter on thematic and extraordinary awards (May 2022)";
/** The law's list of what a dossier holds (article as read by the project; see docs/rules.md). */
const LAW = 'Luật Thi đua, khen thưởng 2022, Điều 84 (hồ sơ đề nghị khen thưởng)';
const LAW_EN = 'Law on Emulation and Commendation 2022, Art. 84 (the proposal dossier)';
const DECREE = 'Nghị định 152/2025/NĐ-CP (hiệu lực từ 01/7/2025, thay thế Nghị định 98/2023/NĐ-CP), Điều 4';
const DECREE_EN = 'Decree 152/2025/NĐ-CP (in force from 1 July 2025, replacing Decree 98/2023/NĐ-CP), Art. 4';

export const RULE_TEXTS: Readonly<Record<RuleId, RuleText>> = {
  'TH-1': {
    title: 'Điều kiện khen thưởng theo chuyên đề',
    titleEn: 'Campaign prerequisites',
    summary:
      'Khen thưởng theo chuyên đề phải có kế hoạch, phát động phong trào thi đua, tổ chức tổng kết và ban hành hướng dẫn khen thưởng xác định rõ phạm vi, đối tượng, tiêu chuẩn, thời gian lập thành tích, hình thức và số lượng khen thưởng. Hồ sơ chỉ được trình khi phong trào có đủ các nội dung đó; ngày lập thành tích phải nằm trong thời gian lập thành tích (kể cả ngày đầu và ngày cuối), hình thức phải thuộc hướng dẫn, và số hồ sơ trình cấp tỉnh của mỗi hình thức không vượt số lượng khen thưởng.',
    summaryEn:
      "A thematic award needs a campaign with a plan, a launched movement, a held final review and issued award guidance stating scope, subjects, criteria, achievement period, award forms and numbers. A proposal leaves drafting only when all of these exist; its achievement date must lie inside the period (first and last day included), its award form must be one the guidance offers, and the proposals of each form reaching the province may not exceed the guidance's number.",
    source: `${DIRECTIVE}, mục 1, ý thứ nhất`,
    sourceEn: `${DIRECTIVE_EN}, section 1, first point`,
  },
  'TH-2': {
    title: 'Khen thưởng nhân dịp kỷ niệm, đại hội nhiệm kỳ',
    titleEn: 'Anniversaries and term congresses',
    summary:
      'Nhân dịp kỷ niệm ngày truyền thống, ngày thành lập, ngày giải phóng, đại hội nhiệm kỳ, cơ quan, đơn vị khen thưởng theo thẩm quyền; chỉ đề nghị Chủ tịch UBND tỉnh khen thưởng tập thể, cá nhân có thành tích thực sự tiêu biểu, nổi bật, trong số lượng đơn vị đã thống nhất với Sở Nội vụ. Chưa thống nhất số lượng với Sở Nội vụ, hoặc vượt số lượng đã thống nhất: không trình cấp tỉnh.',
    summaryEn:
      "For anniversaries and term congresses, units award within their own authority; only truly exemplary, outstanding nominees go to the chairman, within the number the unit agreed with the home-affairs department. No agreed number yet, or over it: the proposal does not go to the province.",
    source: `${DIRECTIVE}, mục 1, ý thứ hai`,
    sourceEn: `${DIRECTIVE_EN}, section 1, second point`,
  },
  'TH-3': {
    title: 'Khen thưởng tổng kết chương trình, dự án, đề án',
    titleEn: 'Programme summaries',
    summary:
      'Khi tổng kết chương trình, dự án, đề án liên quan nhiều ngành, phạm vi toàn tỉnh: không đề nghị UBND tỉnh khen thưởng Ban Chỉ đạo (hoặc tập thể tương đương); hạn chế khen thưởng thành viên Ban Chỉ đạo (hồ sơ luôn kèm cảnh báo cho mọi người xét duyệt, và bị từ chối khi vượt giới hạn của hướng dẫn, nếu hướng dẫn có quy định); tập trung khen thưởng tập thể, cá nhân trực tiếp thực hiện nhiệm vụ tại cơ sở.',
    summaryEn:
      "At the summary of a multi-sector, province-wide programme: no provincial award for the steering committee (or an equivalent collective); awards to its members are limited (such a proposal always carries a warning every reviewer sees, and is refused beyond the guidance's cap where one is set); favour those who did the work at the grassroots.",
    source: `${DIRECTIVE}, mục 1, ý thứ ba`,
    sourceEn: `${DIRECTIVE_EN}, section 1, third point`,
  },
  'TH-4': {
    title: 'Không đề nghị khen thưởng cấp tỉnh cho công tác phục vụ',
    titleEn: "No chairman's award for service work",
    summary:
      'Không đề nghị Chủ tịch UBND tỉnh khen thưởng phục vụ hội nghị, hội thảo, diễn đàn và các chương trình phối hợp trong phạm vi ngành, cơ quan, đơn vị. Hồ sơ như vậy bị từ chối ở cấp tỉnh; đơn vị vẫn có thể khen thưởng theo thẩm quyền.',
    summaryEn:
      "No chairman's award for serving conferences, seminars, forums or coordination programmes inside a sector, agency or unit. Such a proposal is refused at provincial level; the unit may still award it within its own authority.",
    source: `${DIRECTIVE}, mục 1, ý thứ tư`,
    sourceEn: `${DIRECTIVE_EN}, section 1, fourth point`,
  },
  'TH-5': {
    title: 'Thời hạn gửi hồ sơ: 15 ngày làm việc',
    titleEn: 'Fifteen working days',
    summary:
      'Hồ sơ đề nghị khen thưởng theo chuyên đề phải đến Sở Nội vụ trước ngày dự kiến tổ chức hội nghị trao thưởng ít nhất 15 ngày làm việc: hạn là 24 giờ (giờ Việt Nam) của ngày làm việc thứ 15 tính lùi từ ngày liền trước hội nghị. Hội nghị dời ngày thì mọi thời hạn của phong trào dời theo; hồ sơ đến muộn bị đánh dấu muộn và Sở Nội vụ có thể không tiếp nhận.',
    summaryEn:
      'The dossier reaches the home-affairs department at least 15 working days before the planned award ceremony: the deadline is 24:00 (Vietnam time) of the 15th working day counted back from the day before the ceremony. When the ceremony moves, every deadline of the campaign moves with it; a late dossier is flagged late and the department may refuse it.',
    source: `${DIRECTIVE}, mục 1, ý thứ năm; ngày nghỉ lễ theo Bộ luật Lao động 2019, Điều 112`,
    sourceEn: `${DIRECTIVE_EN}, section 1, fifth point; public holidays per Labour Code 2019, Art. 112`,
  },
  'DX-1': {
    title: 'Thành tích được khen thưởng đột xuất',
    titleEn: 'What counts as extraordinary',
    summary:
      'Khen thưởng đột xuất chỉ xét, tặng cho tập thể, cá nhân lập được thành tích đột xuất ngoài chương trình, kế hoạch, nhiệm vụ phải đảm nhiệm; hoặc có hành động dũng cảm cứu người, cứu tài sản của Nhân dân, của Nhà nước; hoặc trong chiến đấu, phục vụ chiến đấu. Mỗi hồ sơ phải nêu một trong ba căn cứ đó.',
    summaryEn:
      'An extraordinary award only for an achievement outside the programme, plan or duties the nominee is responsible for; a brave act saving people or the property of the People or the State; or in combat or its support. Every proposal names one of these three bases.',
    source: `${DIRECTIVE}, mục 2, ý thứ nhất`,
    sourceEn: `${DIRECTIVE_EN}, section 2, first point`,
  },
  'DX-2': {
    title: 'Khen thưởng đột xuất cho tập thể',
    titleEn: 'Extraordinary awards to collectives',
    summary:
      'Chú trọng khen thưởng cá nhân trực tiếp tham gia lập thành tích là chính. Tập thể chỉ được xét, đề nghị khi số cán bộ của tập thể tham gia hoặc phối hợp tham gia chiếm ít nhất 2/3 tổng số lực lượng tham gia (tính chính xác: 3 × số của đơn vị ≥ 2 × tổng số; 20/30 đạt, 19/30 không đạt).',
    summaryEn:
      "Awards go first to the individuals directly involved. A collective qualifies only when its own staff taking part make up at least 2/3 of all forces taking part (exactly: 3 × own ≥ 2 × total; 20 of 30 qualifies, 19 of 30 does not).",
    source: `${DIRECTIVE}, mục 2, ý thứ hai`,
    sourceEn: `${DIRECTIVE_EN}, section 2, second point`,
  },
  'DX-3': {
    title: 'Phát hiện và đề nghị khen thưởng đột xuất',
    titleEn: 'Detect and propose',
    summary:
      'Các cơ quan quản lý ngành, lĩnh vực, các huyện, thành phố quan tâm phát hiện thành tích đột xuất, khen thưởng theo thẩm quyền và đề nghị cấp trên khen thưởng. Quy định mang tính định hướng, hệ thống không kiểm tra tự động.',
    summaryEn:
      'Sector agencies, districts and cities find such achievements, award within their authority and propose upward. Guidance only: the system checks nothing for it.',
    source: `${DIRECTIVE}, mục 2, ý thứ ba`,
    sourceEn: `${DIRECTIVE_EN}, section 2, third point`,
  },
  'DX-4': {
    title: 'Thời hạn trình khen thưởng đột xuất: 10 ngày',
    titleEn: 'Ten days',
    summary:
      'Trong 10 ngày kể từ khi lập được thành tích đột xuất, hoặc từ khi được cơ quan có thẩm quyền công nhận (nếu có), đơn vị trình cơ quan có thẩm quyền xét, khen thưởng. Không tính ngày bắt đầu; thời hạn kết thúc lúc 24 giờ ngày thứ 10, và nếu ngày đó là ngày nghỉ thì kết thúc lúc 24 giờ ngày làm việc tiếp theo. Trình muộn bị đánh dấu muộn và báo cáo cấp trên.',
    summaryEn:
      'Within 10 days of the achievement, or of its recognition by a competent authority when there is one, the unit submits to the competent authority. The start day is not counted; the period ends at 24:00 of day 10, or of the next working day when day 10 is not one. Late submissions are flagged late and escalated.',
    source: `${DIRECTIVE}, mục 2, ý thứ tư; cách tính thời hạn theo Bộ luật Dân sự 2015, Điều 147, 148`,
    sourceEn: `${DIRECTIVE_EN}, section 2, fourth point; counting periods per Civil Code 2015, Art. 147–148`,
  },
  'ND-1': {
    title: 'Chưa xét khen thưởng khi đang bị xem xét',
    titleEn: 'No award under a cloud',
    summary:
      'Chưa xem xét khen thưởng khi tập thể, cá nhân đang bị xem xét kỷ luật; đang bị điều tra, thanh tra, kiểm tra có dấu hiệu vi phạm; có đơn thư khiếu nại, tố cáo, hoặc có vấn đề báo chí nêu đang được xác minh. Cá nhân đang thi hành kỷ luật: thành tích chỉ được tính từ khi chấm dứt kỷ luật. Mỗi vụ việc được ghi nhận cho cá nhân, tập thể theo văn bản (số, ký hiệu, ngày, cơ quan ban hành) và đóng lại bằng văn bản kết luận; khi còn vụ việc, hồ sơ không được trình, khen thưởng tại đơn vị, chuyển cấp tỉnh, Hội đồng đề nghị, Sở Nội vụ thống nhất hay Chủ tịch quyết định, và lời từ chối nêu rõ vụ việc cùng văn bản.',
    summaryEn:
      'No award is considered while the nominee is being considered for discipline; is under investigation, inspection or audit with signs of violation; or has a complaint, a denunciation or a matter raised by the press being verified. A person serving a discipline counts achievements only from its end. Each matter is recorded against the registered person with its document (number, date, issuer) and closed by a concluding document; while one is open the proposal cannot be submitted, awarded at the unit, forwarded, recommended, agreed or approved, and the refusal names the matter and its document.',
    source: DECREE,
    sourceEn: DECREE_EN,
  },
  'ND-2': {
    title: 'Không dùng làm căn cứ đề nghị khen thưởng cao hơn',
    titleEn: 'No stacking',
    summary:
      'Khen thưởng theo chuyên đề, đột xuất không dùng làm căn cứ đề nghị khen thưởng mức cao hơn cho quá trình cống hiến, thành tích. Lịch sử khen thưởng ghi riêng các hình thức này; hệ thống không kiểm tra tự động.',
    summaryEn:
      'Thematic and extraordinary awards are not used as grounds for proposing higher awards for merit. The award history shows them apart; the system checks nothing for it.',
    source: DECREE,
    sourceEn: DECREE_EN,
  },
  'ND-3': {
    title: 'Không tặng thưởng nhiều hình thức cho một thành tích',
    titleEn: 'One achievement, one award',
    summary:
      'Không tặng thưởng nhiều hình thức cho một thành tích. Khi cùng một cá nhân, tập thể đã có hồ sơ khác đang được xét hoặc đã được khen thưởng cho cùng thành tích (cùng ngày lập thành tích và cùng nội dung, hoặc cùng ngày với hai hồ sơ đột xuất) hay trong cùng đợt thi đua, hồ sơ mới mang cảnh báo để người xét duyệt thấy; hệ thống không tự từ chối.',
    summaryEn:
      'One achievement earns one award. When the same registered person already has another proposal under consideration or awarded for the same achievement (same day and same summary, or the same day for two extraordinary proposals) or in the same campaign round, the new proposal carries a warning every reviewer sees; the system does not refuse it.',
    source: 'Luật Thi đua, khen thưởng 2022, Điều 5 (nguyên tắc thi đua, khen thưởng)',
    sourceEn: 'Law on Emulation and Commendation 2022, Art. 5 (principles of emulation and commendation)',
  },
  'HS-1': {
    title: 'Hồ sơ phải có báo cáo thành tích',
    titleEn: 'The dossier carries the achievement report',
    summary:
      'Báo cáo thành tích của tập thể, cá nhân phải thể hiện rõ thành tích đạt được. Hồ sơ chỉ được trình khỏi bước soạn thảo khi đã đính kèm báo cáo thành tích của người (tập thể) được đề nghị.',
    summaryEn:
      "The achievement report of the collective or individual must show the achievement plainly. A proposal leaves drafting only once the nominee's achievement report is attached to the dossier.",
    source: `${DIRECTIVE}, mục 1, ý thứ nhất; ${LAW}`,
    sourceEn: `${DIRECTIVE_EN}, section 1, first point; ${LAW_EN}`,
  },
  'HS-2': {
    title: 'Hồ sơ trình cấp tỉnh phải có tờ trình của đơn vị',
    titleEn: "The unit's submission goes with the dossier",
    summary:
      'Cơ quan, đơn vị đề nghị khen thưởng gửi hồ sơ về Sở Nội vụ kèm tờ trình đề nghị khen thưởng (có danh sách tập thể, cá nhân được đề nghị). Thủ trưởng đơn vị chỉ trình cấp tỉnh khi hồ sơ đã có tờ trình.',
    summaryEn:
      "The proposing unit sends its dossier to the home-affairs department with its submission (tờ trình) listing the nominees. The unit head forwards a proposal to the province only once the submission is attached.",
    source: `${LAW}; ${DIRECTIVE}, mục 1, ý thứ năm`,
    sourceEn: `${LAW_EN}; ${DIRECTIVE_EN}, section 1, fifth point`,
  },
  'HS-3': {
    title: 'Hội đồng xét chọn phải có biên bản',
    titleEn: "The council's minutes",
    summary:
      'Hội đồng Thi đua - Khen thưởng các cấp xét chọn, đề nghị cấp có thẩm quyền khen thưởng; kết quả xét chọn được ghi thành biên bản họp Hội đồng. Hội đồng chỉ ghi nhận kết quả xét chọn khi hồ sơ đã có biên bản họp Hội đồng.',
    summaryEn:
      'The emulation and commendation councils screen and recommend; their result is recorded in the minutes of the council meeting. The council records its recommendation only once the minutes are attached to the dossier.',
    source: `${DIRECTIVE}, mục 1, ý thứ nhất; ${LAW}`,
    sourceEn: `${DIRECTIVE_EN}, section 1, first point; ${LAW_EN}`,
  },
  'HS-4': {
    title: 'Thành tích được công nhận phải có văn bản công nhận',
    titleEn: 'A recognised achievement carries the recognising document',
    summary:
      'Khi thời hạn 10 ngày tính từ ngày thành tích được cấp có thẩm quyền công nhận, hồ sơ phải có văn bản công nhận đó: hồ sơ khen thưởng đột xuất có ngày công nhận chỉ được trình khi đã đính kèm văn bản công nhận.',
    summaryEn:
      'Where the ten days run from the day a competent authority recognised the achievement, the dossier must hold that recognition: an extraordinary proposal with a recognition date leaves drafting only once the recognising document is attached.',
    source: `${DIRECTIVE}, mục 2, ý thứ tư`,
    sourceEn: `${DIRECTIVE_EN}, section 2, fourth point`,
  },
};
