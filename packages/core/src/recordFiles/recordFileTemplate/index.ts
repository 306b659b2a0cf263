import { type RecordCell, type RecordFileKind, type RecordFileSpec, templateOf } from "../_lib/columns.js";
import { RECORD_FILES } from "../readRecordRows/index.js";

/**
 * The import template of a record kind: the Vietnamese headers as the readers read them (required
 * ones marked `*`) and one note row starting with `#` (skipped on import) that says what each column
 * takes, with the accepted names of coded columns.
 * @example
 * recordFileTemplate("ocop").header.slice(0, 2) // ["Tên sản phẩm *", "Chủ thể *"]
 */
export function recordFileTemplate(kind: RecordFileKind): { header: string[]; rows: RecordCell[][] } {
  return templateOf(RECORD_FILES[kind] as RecordFileSpec<unknown>);
}
