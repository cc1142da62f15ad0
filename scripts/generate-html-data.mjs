// html-custom-data.json: the elements and their attributes for editors (VS Code's
// "html.customData" setting), with descriptions and the values of enumerated attributes.
import { literals } from './manifest-elements.mjs';

export function htmlCustomData(elements) {
  const data = {
    version: 1.1,
    tags: elements.map((e) => ({
      name: e.tag,
      description: [e.summary, e.description].filter(Boolean).join('\n\n'),
      attributes: e.attributes.map((a) => {
        const values = literals(a.type);
        return { name: a.name, description: a.description + (a.default ? `\n\nDefault: ${a.default}` : ''), ...(values.length ? { values: values.map((name) => ({ name })) } : a.type === 'boolean' ? { valueSet: 'v' } : {}) };
      }),
    })),
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}
