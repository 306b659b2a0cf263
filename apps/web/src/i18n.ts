import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import vi from "./locales/vi.json";

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

const startLang = initialLang();

// Vietnamese ships with the app; English is its own chunk, fetched when chosen (setLang) or, for a
// user who chose it before, before the first render (localeReady).
void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi } },
  partialBundledLanguages: true,
  lng: startLang,
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

async function loadLang(lng: UiLang): Promise<void> {
  if (i18n.hasResourceBundle(lng, "translation")) return;
  const en = await import("./locales/en.json");
  i18n.addResourceBundle(lng, "translation", en.default);
}

/**
 * Null when the start language is in the app already (Vietnamese); else the load of its strings,
 * which the first render waits for (src/start.tsx), so an English user never sees a mixed page.
 */
export const localeReady: Promise<void> | null = startLang === "vi" ? null : loadLang(startLang);

/**
 * Switches the UI language, fetching its strings first when not loaded yet.
 * @example
 * await setLang("en");
 */
export async function setLang(lng: UiLang): Promise<void> {
  await loadLang(lng);
  await i18n.changeLanguage(lng);
}

/**
 * The current UI language, narrowed to the two the app ships.
 * @example
 * currentLang() // "vi"
 */
export function currentLang(): UiLang {
  return i18n.language === "en" ? "en" : "vi";
}

export default i18n;
