// Steering committees (Ban Chỉ đạo, plan II.3): members and the communes each supports.
export {
  STEERING_ROLES,
  STEERING_MEMBER_FIELDS,
  SteeringRoleSchema,
  SteeringMemberSchema,
  isVietnamesePhone,
  type SteeringRole,
  type SteeringMember,
} from "./schema.js";
export { validateSteeringMember, type ValidateSteeringMemberOptions } from "./validateSteeringMember/index.js";
export { steeringCoverage, inTerm, type CommuneSupport, type SteeringCoverage } from "./steeringCoverage/index.js";
export { communeIdsOf } from "./communeIdsOf/index.js";
export { planWithRegister } from "./planWithRegister/index.js";
export { reassignCommunes } from "./reassignCommunes/index.js";
