import type { MessageCatalog } from "./messages.js";

/** Messages for the header of a values file (core `readValuesHeader`). */
export const importMessages: MessageCatalog = {
  "import.missing_column": {
    vi: (p) => `Thiếu cột "${p.header}"`,
    en: (p) => `Missing the column "${p.header}"`,
  },
  "import.unknown_column": {
    vi: (p) => `Cột ${p.column} "${p.header}" không phải cột của mẫu nhập số liệu, cũng không phải mã hay tên chỉ tiêu nào của bộ tiêu chí`,
    en: (p) =>
      `Column ${p.column} "${p.header}" is neither a column of the values template nor the id or name of an indicator of the criteria packs`,
  },
  "import.duplicate_column": {
    vi: (p) => `Cột ${p.column} "${p.header}" trùng với cột ${p.first}`,
    en: (p) => `Column ${p.column} "${p.header}" repeats column ${p.first}`,
  },
};
