import { useTranslation } from "react-i18next";
import { YEARS } from "../lib/years";

/** The programme year picker of the page toolbars (the years the app offers, labelled "Năm" / "Year"). */
export function YearSelect({ value, onChange }: { value: number; onChange: (year: number) => void }) {
  const { t } = useTranslation();
  return (
    <label className="field-inline">
      <span>{t("common.year")}</span>
      <select value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {YEARS.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </label>
  );
}
