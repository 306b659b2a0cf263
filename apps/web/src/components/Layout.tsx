import { useState, type ReactNode } from "react";
import { Link, useLocation } from "wouter";
import { useTranslation } from "react-i18next";
import { useSession } from "../auth/session";
import { usePageHeading } from "../lib/usePageHeading";
import { setLang } from "../i18n";

interface NavItem {
  to: string;
  key: string;
  show: boolean;
}

/** The page frame: skip link, header with navigation, language switch and the user menu. */
export function Layout({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { user, can, signOut } = useSession();
  const [location, navigate] = useLocation();
  const [open, setOpen] = useState(false);
  usePageHeading(location, t("app.title"));
  const home = user && !can.overview ? `/communes/${encodeURIComponent(user.scopeUnitId)}` : "/overview";
  const items: NavItem[] = [
    { to: home, key: can.overview ? "nav.overview" : "nav.myCommune", show: !!user },
    { to: "/data-entry", key: "nav.dataEntry", show: can.editValues },
    { to: "/plan", key: "nav.plan", show: !!user },
    { to: "/steering", key: "nav.steering", show: !!user },
    { to: "/dossiers", key: "nav.dossiers", show: !!user },
    { to: "/ranking", key: "nav.ranking", show: can.ranking },
    { to: "/lists/ocop", key: "nav.lists", show: !!user },
    { to: "/emulation", key: "nav.emulation", show: !!user },
    { to: "/report-narratives", key: "nav.narratives", show: !!user },
    { to: "/packs", key: "nav.packs", show: !!user },
    { to: "/units", key: "nav.units", show: !!user },
    { to: "/users", key: "nav.users", show: can.manageUsers },
    { to: "/audit", key: "nav.audit", show: can.inspect },
  ];
  const other = i18n.language === "en" ? "vi" : "en";
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <header className="topbar">
        <Link href={home} className="brand">
          <span className="brand-mark" aria-hidden="true">
            NTM
          </span>
          <span className="brand-text">{t("app.title")}</span>
        </Link>
        {user && (
          <button
            type="button"
            className="btn btn-ghost menu-toggle"
            aria-expanded={open}
            aria-controls="main-nav"
            onClick={() => setOpen(!open)}
          >
            {t("nav.menu")}
          </button>
        )}
        <nav id="main-nav" className={`nav ${open ? "open" : ""}`} aria-label={t("nav.label")}>
          {items
            .filter((i) => i.show)
            .map((i) => {
              const active =
                location === i.to || (i.to !== "/" && location.startsWith(`${i.to.replace(/\/[^/]*$/, "")}/`) && i.to.startsWith("/lists"));
              return (
                <Link
                  key={i.key}
                  href={i.to}
                  className={`nav-link ${active || location === i.to ? "active" : ""}`}
                  aria-current={location === i.to ? "page" : undefined}
                  onClick={() => setOpen(false)}
                >
                  {t(i.key)}
                </Link>
              );
            })}
        </nav>
        <div className="topbar-tools">
          <button type="button" className="btn btn-ghost" lang={other} onClick={() => void setLang(other)} title={t("lang.switchTo")}>
            {other === "en" ? "English" : "Tiếng Việt"}
          </button>
          {user && (
            <div className="user-box">
              <span className="user-name" data-testid="user-name">
                {user.displayName}
                <small>
                  {t(`role.${user.role}`, { defaultValue: user.role })}
                  {user.scopeUnitName ? ` · ${user.scopeUnitName}` : ""}
                </small>
              </span>
              <button
                type="button"
                className="btn btn-ghost"
                onClick={() => {
                  void signOut().then(() => navigate("/sign-in"));
                }}
              >
                {t("auth.signOut")}
              </button>
            </div>
          )}
        </div>
      </header>
      <main id="main" className="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="footer">{t("app.footer")}</footer>
    </div>
  );
}
