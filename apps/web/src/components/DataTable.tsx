import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getPaginationRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from "@tanstack/react-table";
import { Empty } from "./States";

/** A table that sorts (click a header), filters (one search box) and paginates. */
export function DataTable<T>({
  data,
  columns,
  label,
  pageSize = 20,
  testId,
}: {
  data: T[];
  columns: ColumnDef<T, unknown>[];
  label: string;
  pageSize?: number;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [sorting, setSorting] = useState<SortingState>([]);
  const [filter, setFilter] = useState("");
  const table = useReactTable({
    data,
    columns,
    state: { sorting, globalFilter: filter },
    onSortingChange: setSorting,
    onGlobalFilterChange: setFilter,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getPaginationRowModel: getPaginationRowModel(),
    initialState: { pagination: { pageSize } },
  });
  const rows = table.getRowModel().rows;
  return (
    <div className="datatable">
      <div className="toolbar">
        <label className="field-inline">
          <span>{t("common.filter")}</span>
          <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </label>
        <span className="muted small">{t("table.count", { count: table.getFilteredRowModel().rows.length })}</span>
      </div>
      {rows.length === 0 ? (
        <Empty title={t("table.empty")} />
      ) : (
        <div className="table-wrap">
          <table className="table" aria-label={label} data-testid={testId}>
            <thead>
              {table.getHeaderGroups().map((hg) => (
                <tr key={hg.id}>
                  {hg.headers.map((h) => {
                    const dir = h.column.getIsSorted();
                    return (
                      <th key={h.id} scope="col" aria-sort={dir === "asc" ? "ascending" : dir === "desc" ? "descending" : "none"}>
                        {h.column.getCanSort() ? (
                          <button type="button" className="th-sort" onClick={h.column.getToggleSortingHandler()}>
                            {flexRender(h.column.columnDef.header, h.getContext())}
                            <span aria-hidden="true">{dir === "asc" ? " ▲" : dir === "desc" ? " ▼" : " ↕"}</span>
                          </button>
                        ) : (
                          flexRender(h.column.columnDef.header, h.getContext())
                        )}
                      </th>
                    );
                  })}
                </tr>
              ))}
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  {r.getVisibleCells().map((c) => (
                    <td key={c.id}>{flexRender(c.column.columnDef.cell, c.getContext())}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {table.getPageCount() > 1 && (
        <nav className="pager" aria-label={t("table.pages")}>
          <button type="button" className="btn" onClick={() => table.previousPage()} disabled={!table.getCanPreviousPage()}>
            {t("table.prev")}
          </button>
          <span>{t("table.page", { page: table.getState().pagination.pageIndex + 1, total: table.getPageCount() })}</span>
          <button type="button" className="btn" onClick={() => table.nextPage()} disabled={!table.getCanNextPage()}>
            {t("table.next")}
          </button>
        </nav>
      )}
    </div>
  );
}
