import { html, raw, SafeHtml } from './html';

/** A fieldset of one checkbox per unit (分管单位, 配合单位): posted as a list of unit codes. */
export function unitCheckboxes(
  name: string,
  legend: string,
  units: readonly { code: string; name: string }[],
  checked: ReadonlySet<string>,
  ties: SafeHtml | '',
): SafeHtml {
  return html`<fieldset class="wide" ${ties}>
    <legend>${legend}</legend>
    <div class="checks">
      ${units.map(
        (u) =>
          html`<label
            ><input
              type="checkbox"
              name="${name}"
              value="${u.code}"
              ${checked.has(u.code) ? raw('checked') : ''}
            />${u.name}</label
          >`,
      )}
    </div>
  </fieldset>`;
}
