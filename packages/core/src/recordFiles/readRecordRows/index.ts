import type { RecordFileSpec, RecordFileKind, RecordRowsRead, RecordTable } from "../_lib/columns.js";
import { readWith } from "../_lib/columns.js";
import { CONTRIBUTION_FILE, type ContributionRowInput } from "../readContributionRows/index.js";
import { HOUSE_FILE, type HouseRowInput } from "../readHouseRows/index.js";
import { INSPECTION_FILE, type InspectionRowInput } from "../readInspectionRows/index.js";
import { OCOP_FILE, type OcopRowInput } from "../readOcopRows/index.js";
import { STEERING_FILE, type SteeringRowInput } from "../readSteeringRows/index.js";

/** The input each record kind's rows become. */
export interface RecordRowInputs {
  ocop: OcopRowInput;
  resources: ContributionRowInput;
  housing: HouseRowInput;
  inspections: InspectionRowInput;
  steering: SteeringRowInput;
}

/**
 * The record files, one entry per kind (one generic reader runs each).
 * @example
 * RECORD_FILES.housing.columns.map((c) => c.vi)[0] // "Mã xã"
 */
export const RECORD_FILES: { readonly [K in RecordFileKind]: RecordFileSpec<RecordRowInputs[K]> } = {
  ocop: OCOP_FILE,
  resources: CONTRIBUTION_FILE,
  housing: HOUSE_FILE,
  inspections: INSPECTION_FILE,
  steering: STEERING_FILE,
};

/**
 * The record file kinds.
 * @example
 * RECORD_FILE_KINDS // ["ocop", "resources", "housing", "inspections", "steering"]
 */
export const RECORD_FILE_KINDS = ["ocop", "resources", "housing", "inspections", "steering"] as const satisfies readonly RecordFileKind[];

/**
 * Reads the rows of a record file of any kind (see `readOcopRows`, `readContributionRows`,
 * `readHouseRows`, `readInspectionRows`, `readSteeringRows`).
 * @example
 * readRecordRows("housing", table).issues // [] when every row is good
 */
export function readRecordRows<K extends RecordFileKind>(kind: K, table: RecordTable): RecordRowsRead<RecordRowInputs[K]> {
  return readWith(RECORD_FILES[kind] as RecordFileSpec<RecordRowInputs[K]>, table);
}
