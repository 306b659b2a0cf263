import { z } from "zod";

const Lines = z.array(z.string().trim().min(1).max(4000)).max(100);

/**
 * The narrative parts of a progress report that the office writes (not computed): II. hạn chế, khuyết
 * điểm and nguyên nhân; III. phương hướng, nhiệm vụ; IV. kiến nghị, đề xuất (besides commendation and
 * criticism). One paragraph per line.
 * @example
 * ReportNarrativeSchema.parse({ shortcomings: ["Tiến độ giải ngân chậm"], causes: [], directions: [], recommendations: [] })
 */
export const ReportNarrativeSchema = z.object({
  shortcomings: Lines,
  causes: Lines,
  directions: Lines,
  recommendations: Lines,
});
export type ReportNarrative = z.infer<typeof ReportNarrativeSchema>;
