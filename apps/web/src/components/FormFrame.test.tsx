import { renderToStaticMarkup } from "react-dom/server";
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { beforeAll, describe, expect, it } from "vitest";
import vi from "../locales/vi.json";
import { Field, FormFrame } from "./FormFrame";

// The app's i18n module touches the document; the frame only needs the Vietnamese catalog.
beforeAll(async () => {
  await i18n.use(initReactI18next).init({ resources: { vi: { translation: vi } }, lng: "vi", interpolation: { escapeValue: false } });
});

const noop = () => {};

/** The frame around two fields, rendered to HTML as the browser first receives it. */
function render(props: { busy?: boolean; errors?: string[]; fieldErrors?: Record<string, string>; conflict?: string }): string {
  return renderToStaticMarkup(
    <FormFrame
      testId="ocop-form"
      title="Thêm sản phẩm OCOP"
      busy={props.busy ?? false}
      errors={props.errors ?? []}
      fieldErrors={props.fieldErrors ?? {}}
      errorsTestId="ocop-errors"
      conflict={props.conflict ? <div data-testid="ocop-conflict">{props.conflict}</div> : null}
      onSubmit={noop}
      onCancel={noop}
    >
      <Field name="name" label="Tên sản phẩm">
        <input name="name" defaultValue="" />
      </Field>
      <Field name="subject.name" label="Chủ thể">
        <input name="owner" aria-describedby="owner-hint" />
      </Field>
    </FormFrame>,
  );
}

const doc = (html: string) => {
  const count = (re: RegExp) => (html.match(re) ?? []).length;
  return {
    heading: /<h2 id="ocop-form-h">Thêm sản phẩm OCOP<\/h2>/.test(html),
    labelledBy: html.includes('aria-labelledby="ocop-form-h"'),
    alerts: count(/role="alert"/g),
    invalid: count(/aria-invalid="true"/g),
    disabledButtons: count(/<button[^>]*disabled=""/g),
    buttons: [...html.matchAll(/<button[^>]*>([^<]*)<\/button>/g)].map((m) => m[1]),
  };
};

describe("FormFrame", () => {
  it("frames the fields with the heading the form is labelled by and the Lưu / Hủy row, no list while nothing failed", () => {
    expect(doc(render({}))).toEqual({
      heading: true,
      labelledBy: true,
      alerts: 0,
      invalid: 0,
      disabledButtons: 0,
      buttons: ["Lưu", "Hủy"],
    });
  });

  it("disables both buttons while saving", () => {
    const html = render({ busy: true });
    expect([doc(html).disabledButtons, html.includes('aria-busy="true"')]).toEqual([2, true]);
  });

  it("lists the problems in one alert and puts each field's message beside it, tied by aria-describedby and aria-invalid", () => {
    const html = render({
      errors: ["Dữ liệu không hợp lệ", "Tên sản phẩm: Thiếu tên sản phẩm"],
      fieldErrors: { name: "Thiếu tên sản phẩm" },
    });
    expect(doc(html)).toMatchObject({ alerts: 1, invalid: 1 });
    expect(html).toContain(
      '<div class="notice notice-error" role="alert" tabindex="-1" data-testid="ocop-errors"><p>Dữ liệu không hợp lệ</p>',
    );
    const input = /<input[^>]*name="name"[^>]*>/.exec(html)?.[0] ?? "";
    const describedBy = /aria-describedby="([^"]+)"/.exec(input)?.[1];
    expect(input).toContain('aria-invalid="true"');
    expect(html).toContain(`<small class="field-error" id="${describedBy}" data-testid="error-name">Thiếu tên sản phẩm</small>`);
    expect(html).not.toContain("$.");
  });

  it("keeps a field's own aria-describedby and adds its message's id after it", () => {
    const html = render({ fieldErrors: { "subject.name": "Thiếu chủ thể" } });
    const input = /<input[^>]*name="owner"[^>]*>/.exec(html)?.[0] ?? "";
    expect(input).toMatch(/aria-describedby="owner-hint [^"]+-subject_name-error"/);
    expect(/<input[^>]*name="name"[^>]*>/.exec(html)?.[0]).not.toContain("aria-invalid");
  });

  it("shows the conflict panel between the list and the buttons", () => {
    const html = render({ errors: ["x"], conflict: "Bản của bạn" });
    expect([html.indexOf('role="alert"') < html.indexOf("ocop-conflict"), html.indexOf("ocop-conflict") < html.indexOf("<button")]).toEqual(
      [true, true],
    );
  });
});
