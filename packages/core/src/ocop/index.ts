// OCOP (Mỗi xã một sản phẩm): product records, star bands, certificate validity, commune counts.
export {
  OCOP_PRODUCT_GROUPS,
  OcopProductGroupSchema,
  OcopSubjectKindSchema,
  OcopRecordStatusSchema,
  OcopCertificateSchema,
  OcopProductSchema,
  OCOP_STAR_BANDS,
  OCOP_MIN_RECOGNISED_STARS,
  OCOP_CERTIFICATE_VALIDITY,
  DEFAULT_OCOP_RENEWAL_WINDOW,
  DEFAULT_OCOP_COMMUNE_TARGET,
  type OcopProductGroup,
  type OcopSubjectKind,
  type OcopRecordStatus,
  type OcopCertificate,
  type OcopProduct,
} from "./schema.js";
export { starsForScore, type OcopStars } from "./starsForScore/index.js";
export { isRecognisedStars } from "./isRecognisedStars/index.js";
export { certificateExpiry } from "./certificateExpiry/index.js";
export { ocopStatus, type OcopValidity, type OcopStatusResult, type OcopStatusOptions } from "./ocopStatus/index.js";
export { validateOcopProduct, ValidOcopProductSchema } from "./validateOcopProduct/index.js";
export { countOcopByCommune, type CommuneOcopCount, type CountOcopOptions } from "./countOcopByCommune/index.js";
