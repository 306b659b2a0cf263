// pdfmake ships its Roboto font paths as a CommonJS file without types.
declare module "pdfmake/fonts/Roboto.js" {
  const fonts: { Roboto: { normal: string; bold: string; italics: string; bolditalics: string } };
  export default fonts;
}
