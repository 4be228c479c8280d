/**
 * One small stylesheet for every page, inlined (no extra request). Mobile-first: tables scroll
 * inside their own box so the page never overflows a 375 px screen; the nav wraps.
 */
export const PAGE_CSS = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font-family:"PingFang SC","Hiragino Sans GB","Microsoft YaHei","WenQuanYi Micro Hei","Noto Sans CJK SC","Source Han Sans SC",system-ui,sans-serif;font-size:15px;line-height:1.6;color:#1f2328;background:#f5f6f8}
a{color:#0b57d0;text-decoration:none}a:hover{text-decoration:underline}
.top{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem 1rem;padding:.5rem 1rem;background:#a5161d;color:#fff}
.top a{color:#fff}
.brand{font-weight:700;font-size:1.1rem;letter-spacing:.05em}
.nav{display:flex;flex-wrap:wrap;gap:.25rem}
.nav a{padding:.25rem .6rem;border-radius:4px}
.nav a.active{background:rgba(255,255,255,.22);font-weight:600}
.user{margin-left:auto;display:flex;align-items:center;gap:.5rem;font-size:.9rem}
.user-role{opacity:.85}
tr.unread td{background:#fff8e1}
tr.unread td:first-child{font-weight:600}
.nav .count{display:inline-block;min-width:1.2em;margin-left:.25rem;padding:0 .3rem;border-radius:.6rem;background:#fff;color:#b3261e;font-size:.75rem;font-weight:600;text-align:center}
.logout{display:inline;margin:0}
.logout button{background:transparent;border:1px solid rgba(255,255,255,.6);color:#fff;border-radius:4px;padding:.1rem .5rem;cursor:pointer}
.main{max-width:1240px;margin:0 auto;padding:1rem}
h1{font-size:1.35rem;margin:.25rem 0 1rem}
h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
.foot{max-width:1240px;margin:2rem auto 1rem;padding:0 1rem;color:#57606a;font-size:.85rem}
.foot a,main p a,main li a,main dd a,.notice a{text-decoration:underline}
:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}
.top :focus-visible{outline-color:#fff}
.skip{position:absolute;left:-999px;top:0;background:#fff;color:#0b57d0;padding:.5rem 1rem;z-index:10}
.skip:focus{left:.5rem}
.card{background:#fff;border:1px solid #e1e4e8;border-radius:6px;padding:1rem;margin-bottom:1rem}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:.75rem;margin-bottom:1rem}
.stat{background:#fff;border:1px solid #e1e4e8;border-radius:6px;padding:.75rem}
.stat .num{font-size:1.6rem;font-weight:700}
.stat .label{color:#555;font-size:.85rem}
.table-wrap{overflow-x:auto;background:#fff;border:1px solid #e1e4e8;border-radius:6px;margin-bottom:1rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{padding:.45rem .6rem;border-bottom:1px solid #eef0f2;text-align:left;vertical-align:top}
th{background:#fafbfc;white-space:nowrap;font-weight:600}
td.num,th.num{text-align:right;white-space:nowrap}
.nowrap{white-space:nowrap}
.light{display:inline-block;min-width:2.6em;padding:0 .4em;border-radius:999px;font-size:.8rem;text-align:center;color:#fff;white-space:nowrap}
.light.light-green{background:#1a7f37}.light.light-yellow{background:#9a6700}.light.light-red{background:#cf222e}.light.light-none{background:#6e7781}
.muted{color:#666}
.progress-gap{display:block;font-size:.8rem}
.error{background:#ffebe9;border:1px solid #ff8182;color:#82071e;padding:.5rem .75rem;border-radius:6px;margin-bottom:1rem}
.notice{background:#dafbe1;border:1px solid #4ac26b;color:#116329;padding:.5rem .75rem;border-radius:6px;margin-bottom:1rem}
.notice-error{background:#ffebe9;border-color:#cf222e;color:#82071e}
.notice-warn{background:#fff8c5;border-color:#d4a72c;color:#6b4e00}
.months{display:grid;grid-template-columns:repeat(auto-fill,minmax(210px,1fr));gap:.75rem;margin-bottom:1rem}
.month{background:#fff;border:1px solid #e1e4e8;border-radius:6px;padding:.5rem}
.month h3{font-size:.95rem;margin:0 0 .25rem}
.days{list-style:none;margin:0;padding:0;display:grid;grid-template-columns:repeat(7,1fr);gap:2px;font-size:.8rem;text-align:center}
.days li{padding:.15rem 0;border-radius:3px}
.days .wd{color:#555;font-weight:600}
.day.weekend{background:#eef0f2}.day.off{background:#cf222e;color:#fff;font-weight:600}.day.work{background:#0b57d0;color:#fff;font-weight:600}
.legend{display:flex;flex-wrap:wrap;gap:.35rem;align-items:center;margin:.5rem 0;font-size:.85rem}
.legend .day{display:inline-block;min-width:1.6em;text-align:center;border-radius:3px;padding:0 .2em}
.badge-provisional{display:inline-block;margin-left:.35em;padding:0 .4em;border:1px solid #d4a72c;border-radius:4px;background:#fff8c5;color:#6b4e00;font-size:.78rem;white-space:nowrap}
form.filters{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end;margin-bottom:1rem}
form.filters label{display:flex;flex-direction:column;font-size:.8rem;color:#555}
input,select,textarea,button{font:inherit}
input[type=text],input[type=password],input[type=search],input[type=date],select,textarea{padding:.3rem .45rem;border:1px solid #c9ced4;border-radius:4px;background:#fff;max-width:100%}
textarea{width:100%;min-height:3.5em}
.btn{display:inline-block;padding:.3rem .8rem;border:1px solid #a5161d;border-radius:4px;background:#a5161d;color:#fff;cursor:pointer;white-space:nowrap}
.btn:hover{text-decoration:none;filter:brightness(1.08)}
.btn-secondary{background:#fff;color:#a5161d}
.btn-row{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
.pager{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:.5rem 0 1rem}
.chart{width:100%;height:320px}
.grid2{display:grid;grid-template-columns:1fr 1fr;gap:1rem}
.timeline{list-style:none;margin:0;padding:0 0 0 1rem;border-left:3px solid #d0d7de}
.timeline li{position:relative;margin:0 0 1rem;padding-left:.75rem}
.timeline li::before{content:"";position:absolute;left:-1.45rem;top:.45rem;width:.8rem;height:.8rem;border-radius:50%;background:#8c959f;border:2px solid #fff}
.timeline li.done::before{background:#1a7f37}.timeline li.current::before{background:#0b57d0}
.task-body{white-space:pre-wrap;margin:0 0 .75rem;line-height:1.7}
.kv{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
.kv dt{color:#555}.kv dd{margin:0}
.row-problem{background:#fff5f5}
.row-notes{margin:0;padding-left:1rem;color:#82071e;font-size:.85rem}
.section-row th{background:#f6f8fa;text-align:left}
.btn-small{padding:.15rem .45rem;font-size:.8rem;margin:.1rem}
[hidden]{display:none!important}
.row-ops{margin-top:.2rem}
.deadline select,.deadline input{display:block;margin-bottom:.2rem}
.tabs{display:flex;flex-wrap:wrap;gap:.25rem;margin:-.5rem 0 1rem;border-bottom:1px solid #d0d7de}
.tabs a{padding:.3rem .8rem}
.tabs a[aria-current]{border-bottom:3px solid #a5161d;font-weight:600}
.form-grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(220px,1fr));gap:.5rem 1rem;margin-bottom:.75rem}
.form-grid label{display:flex;flex-direction:column;font-size:.85rem;color:#444}
.form-grid .wide{grid-column:1/-1}
fieldset{border:1px solid #e1e4e8;border-radius:6px;padding:.5rem .75rem;margin:0}
.checks{display:flex;flex-wrap:wrap;gap:.25rem 1rem}
.checks label{flex-direction:row;align-items:center;gap:.3rem;color:#1f2328;font-size:.9rem}
.secret{font-family:ui-monospace,Consolas,monospace;font-size:1rem;background:#fff8c5;padding:0 .3em;border-radius:3px}
.login{max-width:360px;margin:2rem auto}
.login label{display:block;margin-bottom:.75rem}
.login input{width:100%}
@media (max-width:720px){
  .grid2{grid-template-columns:1fr}
  .user{margin-left:0;width:100%}
  .main{padding:.75rem}
  .hide-sm{display:none}
  .chart{height:260px}
  table.stack-sm thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
  table.stack-sm td[data-label]::before{content:attr(data-label) "：";color:#57606a}
  table.stack-sm tr{display:block;padding:.4rem 0;border-bottom:1px solid #e1e4e8}
  table.stack-sm td{display:block;border:0;padding:.15rem .6rem}
  table.stack-sm td.hide-sm{display:none}
}
`;
