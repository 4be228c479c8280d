/**
 * Browser script of the import preview (served as /ui/assets/plan-import.js): makes the parsed
 * rows editable (title, units, deadline), adds split / merge / delete / insert and undo, asks what
 * to do with each unit name the unit table does not know (one decision for all rows), and keeps the
 * form's hidden draft and mappings fields in step. User text only ever goes into value and
 * textContent, never into markup. Plain ES2017, no build step.
 */
export const PLAN_IMPORT_JS = `(function () {
  'use strict';
  var root = document.getElementById('plan-import');
  var draftField = document.getElementById('draft-field');
  var mapField = document.getElementById('mappings-field');
  var form = document.getElementById('draft-form');
  var tbody = document.getElementById('draft-rows');
  if (!root || !draftField || !mapField || !form || !tbody) return;
  var data = JSON.parse((document.getElementById('plan-import-data') || {}).textContent || '{}');
  var draft = JSON.parse(draftField.value);
  var units = data.units || [];
  var decisions = {};
  JSON.parse(mapField.value || '[]').forEach(function (m) {
    decisions[m.name] = m.unit ? { unit: m.unit } : { create: m.create.kind };
  });
  var history = [];
  var KINDS = [['section', '股室'], ['office', '办公室'], ['station', '站所'], ['branch', '分局/大队'], ['party', '党组织']];
  var DEADLINES = [['date', '按期完成'], ['recurring', '周期报送'], ['ongoing', '长期坚持'], ['default', '未写（按年底）']];
  var EVERY = [['month', '每月'], ['quarter', '每季度'], ['half-year', '每半年'], ['year', '每年']];

  function norm(s) { return String(s).normalize('NFKC').replace(/\\s+/g, '').replace(/[（(].*?[)）]/g, ''); }
  function names(s) { return String(s).split(/[、,，;；\\s]+/).map(function (x) { return x.trim(); }).filter(Boolean); }
  function isGroupWord(n) { return /^(各|相关|有关)/.test(n); }
  var known = {};
  units.forEach(function (u) { [u.name].concat(u.aliases || []).forEach(function (n) { known[norm(n)] = u.code; }); });

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function snapshot() { history.push(JSON.stringify(draft.rows)); if (history.length > 50) history.shift(); undoButton.disabled = false; }

  var datalist = el('datalist', { id: 'unit-names' });
  units.forEach(function (u) { [u.name].concat(u.aliases || []).forEach(function (n) { datalist.appendChild(el('option', { value: n })); }); });
  root.appendChild(datalist);

  var tools = el('p', { class: 'btn-row', id: 'editor-tools' });
  var undoButton = el('button', { type: 'button', class: 'btn btn-secondary', id: 'undo' }, '撤销上一步');
  undoButton.disabled = true;
  undoButton.addEventListener('click', function () {
    if (!history.length) return;
    draft.rows = JSON.parse(history.pop());
    undoButton.disabled = history.length === 0;
    render();
  });
  tools.appendChild(undoButton);
  var addButton = document.getElementById('add-row');
  if (addButton) {
    addButton.hidden = false;
    addButton.addEventListener('click', function () { insertAfter(draft.rows.length - 1); });
    tools.appendChild(addButton);
  }
  var table = document.getElementById('draft-table');
  table.parentNode.parentNode.insertBefore(tools, table.parentNode);

  function blankRow(like) {
    return { section: like ? like.section : 0, group: like ? like.group : undefined, code: '新增', title: '', body: '',
      lead: like ? like.lead : '', cooperating: [], deadline: { kind: 'default' }, source: like ? { line: like.source.line } : { line: 1 }, warnings: [] };
  }
  function insertAfter(i) {
    snapshot();
    draft.rows.splice(i + 1, 0, blankRow(draft.rows[i] || draft.rows[draft.rows.length - 1]));
    render();
    focusField(i + 1, 'title');
  }
  function split(i) {
    snapshot();
    var r = draft.rows[i];
    var copy = JSON.parse(JSON.stringify(r));
    var at = r.title.search(/[；;。]/);
    if (at > 0) { copy.title = r.title.slice(at + 1).trim(); r.title = r.title.slice(0, at).trim(); }
    else copy.title = '';
    copy.code = r.code + '（拆分）';
    copy.warnings = [];
    draft.rows.splice(i + 1, 0, copy);
    render();
    focusField(i + 1, 'title');
  }
  function mergeNext(i) {
    var a = draft.rows[i], b = draft.rows[i + 1];
    if (!b) return;
    snapshot();
    a.title = a.title + '；' + b.title;
    a.body = [a.body, b.body].filter(Boolean).join('。');
    var all = a.cooperating.concat(b.lead ? [b.lead] : [], b.cooperating);
    a.cooperating = all.filter(function (n, k) { return n && n !== a.lead && all.indexOf(n) === k; });
    if (a.deadline.kind === 'date' && b.deadline.kind === 'date') {
      a.deadline.dates = a.deadline.dates.concat(b.deadline.dates).filter(function (d, k, x) { return x.indexOf(d) === k; }).sort();
    } else if (a.deadline.kind === 'default') a.deadline = b.deadline;
    a.warnings = a.warnings.concat(b.warnings);
    draft.rows.splice(i + 1, 1);
    render();
    focusField(i, 'title');
  }
  function remove(i) {
    snapshot();
    draft.rows.splice(i, 1);
    render();
    var next = Math.min(i, draft.rows.length - 1);
    if (next >= 0) focusField(next, 'title');
  }
  function focusField(i, field) {
    var f = tbody.querySelector('tr[data-row="' + i + '"] [data-field="' + field + '"]');
    if (f) f.focus();
  }

  function input(value, field, label, attrs) {
    var e = el('input', Object.assign({ 'data-field': field, 'aria-label': label }, attrs || {}));
    e.value = value;
    return e;
  }
  function select(options, value, field, label) {
    var s = el('select', { 'data-field': field, 'aria-label': label });
    options.forEach(function (o) { var opt = el('option', { value: o[0] }, o[1]); if (o[0] === value) opt.selected = true; s.appendChild(opt); });
    return s;
  }
  function button(text, label, onClick) {
    var b = el('button', { type: 'button', class: 'btn btn-secondary btn-small', 'aria-label': label }, text);
    b.addEventListener('click', onClick);
    return b;
  }

  function rowElement(r, i) {
    var n = i + 1;
    var tr = el('tr', { 'data-row': String(i) });
    tr.appendChild(el('td', { class: 'num' }, String(n)));
    tr.appendChild(el('td', { class: 'nowrap' }, r.code));
    var task = el('td');
    if (r.group) task.appendChild(el('div', { class: 'muted' }, r.group + ' ›'));
    var title = input(r.title, 'title', '第 ' + n + ' 行任务名称', { size: '30', required: 'required' });
    title.addEventListener('change', function () { snapshot(); r.title = title.value; sync(); });
    task.appendChild(title);
    tr.appendChild(task);
    var lead = input(r.lead, 'lead', '第 ' + n + ' 行牵头单位', { list: 'unit-names', size: '10', required: 'required' });
    lead.addEventListener('change', function () { snapshot(); r.lead = lead.value.trim(); sync(); renderUnknown(); });
    tr.appendChild(el('td')).appendChild(lead);
    var coop = input(r.cooperating.join('、'), 'cooperating', '第 ' + n + ' 行配合单位（用顿号分开）', { size: '16' });
    coop.addEventListener('change', function () { snapshot(); r.cooperating = names(coop.value); sync(); renderUnknown(); });
    tr.appendChild(el('td')).appendChild(coop);
    var due = el('td', { class: 'deadline' });
    var kind = select(DEADLINES, r.deadline.kind, 'deadline-kind', '第 ' + n + ' 行期限类型');
    var dates = input(r.deadline.kind === 'date' ? r.deadline.dates.join('、') : '', 'dates', '第 ' + n + ' 行完成日期（如 ' + draft.metadata.year + '-06-30，多个用顿号分开）', { size: '12', placeholder: draft.metadata.year + '-06-30' });
    var every = select(EVERY, r.deadline.kind === 'recurring' ? r.deadline.every : 'quarter', 'every', '第 ' + n + ' 行报送周期');
    function showDeadline() { dates.hidden = kind.value !== 'date'; every.hidden = kind.value !== 'recurring'; }
    function readDeadline() {
      snapshot();
      if (kind.value === 'date') r.deadline = { kind: 'date', dates: names(dates.value) };
      else if (kind.value === 'recurring') r.deadline = { kind: 'recurring', every: every.value };
      else r.deadline = { kind: kind.value };
      showDeadline();
      sync();
    }
    kind.addEventListener('change', readDeadline);
    dates.addEventListener('change', readDeadline);
    every.addEventListener('change', readDeadline);
    showDeadline();
    due.appendChild(kind); due.appendChild(dates); due.appendChild(every);
    tr.appendChild(due);
    tr.appendChild(el('td', { class: 'nowrap' }, r.source.cell || ('第 ' + r.source.line + ' 行')));
    var notes = el('td');
    if (r.warnings.length) {
      var ul = el('ul', { class: 'row-notes' });
      r.warnings.forEach(function (w) { ul.appendChild(el('li', {}, w)); });
      notes.appendChild(ul);
    }
    tr.appendChild(notes);
    var ops = el('div', { class: 'row-ops' });
    ops.appendChild(button('拆分', '拆分第 ' + n + ' 行', function () { split(i); }));
    if (i + 1 < draft.rows.length) ops.appendChild(button('与下行合并', '把第 ' + n + ' 行与下一行合并', function () { mergeNext(i); }));
    ops.appendChild(button('删除', '删除第 ' + n + ' 行', function () { remove(i); }));
    ops.appendChild(button('下方插入', '在第 ' + n + ' 行下方插入一行', function () { insertAfter(i); }));
    task.appendChild(ops);
    return tr;
  }

  function render() {
    while (tbody.firstChild) tbody.removeChild(tbody.firstChild);
    var section = -1;
    draft.rows.forEach(function (r, i) {
      if (r.section !== section) {
        section = r.section;
        var head = el('tr', { class: 'section-row' });
        var s = draft.sections[section];
        head.appendChild(el('th', { colspan: '8', scope: 'colgroup' }, s ? s.title || '（未命名板块）' : ''));
        tbody.appendChild(head);
      }
      tbody.appendChild(rowElement(r, i));
    });
    document.getElementById('row-count').textContent = String(draft.rows.length);
    renderUnknown();
    sync();
  }

  /** Unit names of the rows that match no unit, name or alias: each gets one decision. */
  function unknownNames() {
    var found = {};
    draft.rows.forEach(function (r, i) {
      [r.lead].concat(r.cooperating).forEach(function (v) {
        names(v).forEach(function (n) {
          if (isGroupWord(n) || known[norm(n)]) return;
          (found[n] = found[n] || []).push(i + 1);
        });
      });
    });
    return found;
  }
  var panel = document.getElementById('unit-decisions-body');
  function renderUnknown() {
    var found = unknownNames();
    var list = Object.keys(found);
    while (panel.firstChild) panel.removeChild(panel.firstChild);
    if (!list.length) { panel.appendChild(el('p', { class: 'muted' }, '所有单位名称都已对上单位表。')); sync(); return; }
    panel.appendChild(el('p', {}, '以下名称在单位表中没有。对应到已有单位后，该名称记为别名，以后导入自动识别；也可新建为单位。'));
    var ul = el('ul', { id: 'unknown-units' });
    list.forEach(function (name) {
      var li = el('li', { 'data-unknown': name });
      var id = 'map-' + Array.prototype.map.call(name, function (c) { return c.charCodeAt(0).toString(16); }).join('');
      li.appendChild(el('label', { for: id }, name + '（第 ' + found[name].slice(0, 8).join('、') + (found[name].length > 8 ? '…' : '') + ' 行）：'));
      var s = el('select', { id: id, 'data-name': name });
      s.appendChild(el('option', { value: '' }, '请选择…'));
      var existing = el('optgroup', { label: '对应已有单位' });
      units.forEach(function (u) { existing.appendChild(el('option', { value: 'unit:' + u.code }, u.name)); });
      s.appendChild(existing);
      var create = el('optgroup', { label: '新建为单位' });
      KINDS.forEach(function (k) { create.appendChild(el('option', { value: 'create:' + k[0] }, '新建：' + name + '（' + k[1] + '）')); });
      s.appendChild(create);
      var d = decisions[name];
      s.value = d ? (d.unit ? 'unit:' + d.unit : 'create:' + d.create) : '';
      s.addEventListener('change', function () {
        var v = s.value;
        if (!v) delete decisions[name];
        else if (v.indexOf('unit:') === 0) decisions[name] = { unit: v.slice(5) };
        else decisions[name] = { create: v.slice(7) };
        sync();
      });
      li.appendChild(s);
      ul.appendChild(li);
    });
    panel.appendChild(ul);
    sync();
  }

  var hint = document.getElementById('submit-hint');
  function pending() {
    var found = unknownNames();
    return Object.keys(found).filter(function (n) { return !decisions[n]; });
  }
  function sync() {
    var found = unknownNames();
    var mappings = Object.keys(found).filter(function (n) { return decisions[n]; }).map(function (n) {
      var d = decisions[n];
      return d.unit ? { name: n, unit: d.unit } : { name: n, create: { name: n, kind: d.create } };
    });
    draftField.value = JSON.stringify(draft);
    mapField.value = JSON.stringify(mappings);
    var left = pending().length;
    hint.textContent = left ? '还有 ' + left + ' 个单位名称未处理（见上方“未知的单位名称”）。' : '';
  }

  form.addEventListener('submit', function (event) {
    sync();
    var left = pending();
    var empty = draft.rows.filter(function (r) { return !r.title.trim() || !r.lead.trim(); }).length;
    if (left.length || empty) {
      event.preventDefault();
      hint.textContent = (left.length ? '还有 ' + left.length + ' 个单位名称未处理。' : '') + (empty ? empty + ' 行缺少任务名称或牵头单位。' : '');
      var target = left.length ? panel.querySelector('select[data-name]') : tbody.querySelector('[data-field="title"]:invalid, [data-field="lead"]:invalid');
      if (target) target.focus();
    }
  });

  render();
  document.documentElement.setAttribute('data-editor', 'ready');
})();
`;
