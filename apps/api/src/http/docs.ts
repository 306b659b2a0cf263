import { createHash } from "node:crypto";

/**
 * A small, self-contained API reference page (no CDN: users may be offline). It fetches /openapi.json
 * and lists every operation with its parameters, request body and responses.
 */
export const DOCS_HTML = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ntm API – Tài liệu / Reference</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1b1f24;background:#f6f8fa}
header{background:#0b6b3a;color:#fff;padding:16px 24px}header h1{margin:0;font-size:20px}header p{margin:4px 0 0;opacity:.9}
main{max-width:1100px;margin:0 auto;padding:16px 24px}
h2{border-bottom:1px solid #d0d7de;padding-bottom:4px;margin-top:32px}
details{background:#fff;border:1px solid #d0d7de;border-radius:6px;margin:8px 0}
summary{cursor:pointer;padding:8px 12px;font-family:ui-monospace,Menlo,monospace}
.m{display:inline-block;min-width:64px;font-weight:700}.get{color:#0969da}.post{color:#1a7f37}.put{color:#9a6700}.patch{color:#8250df}.delete{color:#cf222e}
.body{padding:8px 16px 16px}pre{background:#f6f8fa;padding:8px;overflow:auto;font-size:12px;max-height:400px}
table{border-collapse:collapse}td,th{border:1px solid #d0d7de;padding:4px 8px;text-align:left;font-size:14px}
</style>
</head>
<body>
<header><h1>ntm API</h1><p>Tài liệu API (OpenAPI 3.1) / API reference. Tài liệu máy đọc / machine-readable: <a style="color:#fff" href="/openapi.json">/openapi.json</a></p></header>
<main id="root">Đang tải… / Loading…</main>
<script>
(function(){
  var root=document.getElementById("root");
  function el(tag,attrs,children){var e=document.createElement(tag);for(var k in attrs||{})e.setAttribute(k,attrs[k]);(children||[]).forEach(function(c){e.appendChild(typeof c==="string"?document.createTextNode(c):c)});return e}
  function resolve(doc,s){var seen=0;while(s&&s.$ref&&seen++<20){var p=s.$ref.replace(/^#\\//,"").split("/");s=p.reduce(function(o,k){return o&&o[k]},doc)}return s}
  function show(doc,s){return JSON.stringify(s,function(k,v){return v},2)}
  fetch("/openapi.json").then(function(r){return r.json()}).then(function(doc){
    root.textContent="";
    root.appendChild(el("p",{},[doc.info.description||""]));
    var byTag={};
    Object.keys(doc.paths).forEach(function(path){Object.keys(doc.paths[path]).forEach(function(m){var op=doc.paths[path][m];var t=(op.tags&&op.tags[0])||"other";(byTag[t]=byTag[t]||[]).push({path:path,method:m,op:op})})});
    Object.keys(byTag).sort().forEach(function(tag){
      root.appendChild(el("h2",{},[tag]));
      byTag[tag].forEach(function(x){
        var d=el("details",{},[el("summary",{},[el("span",{"class":"m "+x.method},[x.method.toUpperCase()])," "+x.path+"  ",el("span",{style:"font-family:system-ui;color:#57606a"},[x.op.summary||""])])]);
        var b=el("div",{"class":"body"});
        if(x.op.description)b.appendChild(el("p",{},[x.op.description]));
        if(x.op.parameters&&x.op.parameters.length){var t=el("table",{},[el("tr",{},[el("th",{},["name"]),el("th",{},["in"]),el("th",{},["required"]),el("th",{},["schema"])])]);x.op.parameters.forEach(function(p){t.appendChild(el("tr",{},[el("td",{},[p.name]),el("td",{},[p.in]),el("td",{},[String(!!p.required)]),el("td",{},[JSON.stringify(p.schema)])]))});b.appendChild(el("h4",{},["Tham số / Parameters"]));b.appendChild(t)}
        if(x.op.requestBody){b.appendChild(el("h4",{},["Nội dung gửi / Request body"]));Object.keys(x.op.requestBody.content||{}).forEach(function(ct){b.appendChild(el("div",{},[ct]));b.appendChild(el("pre",{},[show(doc,resolve(doc,x.op.requestBody.content[ct].schema))]))})}
        b.appendChild(el("h4",{},["Phản hồi / Responses"]));
        Object.keys(x.op.responses||{}).forEach(function(code){var r=x.op.responses[code];b.appendChild(el("div",{},[el("b",{},[code])," "+(r.description||"")]));Object.keys(r.content||{}).forEach(function(ct){if(code.charAt(0)==="2")b.appendChild(el("pre",{},[ct+"\\n"+show(doc,resolve(doc,r.content[ct].schema))]))})});
        d.appendChild(b);root.appendChild(d);
      });
    });
    if(doc.components&&doc.components.schemas){root.appendChild(el("h2",{},["Schemas"]));Object.keys(doc.components.schemas).sort().forEach(function(n){root.appendChild(el("details",{},[el("summary",{},[n]),el("pre",{},[show(doc,doc.components.schemas[n])])]))})}
  }).catch(function(e){root.textContent="Không tải được /openapi.json / could not load /openapi.json: "+e});
})();
</script>
</body>
</html>`;

/** The CSP source for the page's one inline script (its SHA-256), so no `'unsafe-inline'` script is needed. */
export const DOCS_SCRIPT_HASH = `'sha256-${createHash("sha256")
  .update(/<script>([\s\S]*?)<\/script>/.exec(DOCS_HTML)![1]!)
  .digest("base64")}'`;
