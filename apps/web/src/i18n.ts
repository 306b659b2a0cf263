import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import vi from "./locales/vi.json";
import en from "./locales/en.json";

/** The languages of the UI: Vietnamese first, English second. */
export type UiLang = "vi" | "en";

const STORAGE_KEY = "ntm.lang";

function initialLang(): UiLang {
  try {
    return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "vi";
  } catch {
    return "vi";
  }
}

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: initialLang(),
  fallbackLng: "vi",
  interpolation: { escapeValue: false },
  returnNull: false,
});

i18n.on("languageChanged", (lng) => {
  document.documentElement.lang = lng;
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    /* private mode: keep the choice for this page only */
  }
});
document.documentElement.lang = i18n.language;

/**
 * The current UI language, narrowed to the two the app ships.
 * @example
 * currentLang() // "vi"
 */
export function currentLang(): UiLang {
  return i18n.language === "en" ? "en" : "vi";
}

export default i18n;
