export { neutraliseFormula } from "./neutraliseFormula/index.js";
export {
  readValuesHeader,
  VALUES_FIELDS,
  VALUES_FIELD_HEADERS,
  INPUT_COLUMN_PREFIX,
  type ValuesField,
  type ValuesColumn,
  type ValuesHeader,
  type HeaderIndicator,
} from "./readValuesHeader/index.js";
