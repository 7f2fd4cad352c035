// Renders /openapi.json as a readable page: every operation with its parameters, bodies,
// responses and curl examples, then every schema. Built with DOM calls, never innerHTML.

const METHODS = ['get', 'head', 'post', 'put', 'patch', 'delete'];

/** The address the examples are written for; the page shows its own instead. */
const EXAMPLE_ORIGIN = 'http://localhost:8080';

const reference = document.getElementById('reference');

/** A box wider than the screen scrolls sideways; it takes the keyboard focus only while it does. */
const scrollWatcher = new ResizeObserver((entries) => {
  for (const {target} of entries) {
    if (target.scrollWidth > target.clientWidth) {
      target.tabIndex = 0;
    } else {
      target.removeAttribute('tabindex');
    }
  }
});

/** Examples that work as they are copied: with this server's address, and reachable by keyboard. */
function finishExamples(root) {
  for (const code of root.querySelectorAll('pre code')) {
    code.textContent = code.textContent.replaceAll(EXAMPLE_ORIGIN, location.origin);
  }
  root.querySelectorAll('pre, .table-scroll').forEach((box) => scrollWatcher.observe(box));
}

finishExamples(document);

try {
  const response = await fetch('/openapi.json', {headers: {Accept: 'application/json'}});
  if (!response.ok) {
    throw new Error(`the server answered ${response.status}`);
  }
  render(await response.json());
} catch (error) {
  reference.replaceChildren(el('p', {className: 'error'},
    `The reference could not be loaded (${error.message}). The raw document is at `,
    el('a', {href: '/openapi.json'}, '/openapi.json'), '.'));
}

function render(api) {
  const operations = [];
  for (const [path, item] of Object.entries(api.paths)) {
    for (const method of METHODS) {
      if (item[method]) {
        operations.push({path, method, operation: item[method]});
      }
    }
  }
  const sections = [
    el('section', {'aria-labelledby': 'overview'},
      el('h2', {id: 'overview'}, 'Overview'),
      ...markdown(api.info.description)),
    el('section', {'aria-labelledby': 'endpoints'},
      el('h2', {id: 'endpoints'}, 'Endpoints'),
      endpointTable(operations)),
  ];
  for (const tag of api.tags) {
    const tagged = operations.filter(({operation}) => operation.tags?.includes(tag.name));
    sections.push(el('section', {'aria-labelledby': `tag-${tag.name}`},
      el('h2', {id: `tag-${tag.name}`}, capitalize(tag.name)),
      el('p', {}, tag.description),
      ...tagged.map((entry) => operationCard(api, entry))));
  }
  sections.push(el('section', {'aria-labelledby': 'schemas'},
    el('h2', {id: 'schemas'}, 'Schemas'),
    ...Object.entries(api.components.schemas).map(([name, schema]) => schemaCard(name, schema))));
  reference.replaceChildren(...sections);
  finishExamples(reference);
  if (location.hash) {
    document.getElementById(location.hash.slice(1))?.scrollIntoView();
  }
}

function endpointTable(operations) {
  return table(['Method', 'Path', 'What it does'], operations.map(({path, method, operation}) => [
    el('span', {className: `method ${method}`}, method.toUpperCase()),
    el('a', {href: `#${operation.operationId}`}, el('code', {}, path)),
    operation.summary,
  ]));
}

function operationCard(api, {path, method, operation}) {
  const card = el('article', {className: 'operation', id: operation.operationId},
    el('h3', {},
      el('span', {className: `method ${method}`}, method.toUpperCase()), ' ',
      el('code', {}, path)),
    el('p', {className: 'summary'}, operation.summary),
    ...markdown(operation.description ?? ''));
  if (operation.parameters?.length) {
    card.append(el('h4', {}, 'Parameters'), table(['Name', 'In', 'Type', 'Description'],
      operation.parameters.map((parameter) => [
        el('code', {}, parameter.name + (parameter.required ? '' : '?')),
        parameter.in,
        typeOf(parameter.schema),
        inline(parameter.description ?? ''),
      ])));
  }
  if (operation.requestBody) {
    card.append(el('h4', {}, 'Request body'), table(['Content-Type', 'Schema'],
      Object.entries(operation.requestBody.content).map(([type, media]) => [
        el('code', {}, type), typeOf(media.schema)])));
  }
  card.append(el('h4', {}, 'Responses'), table(['Status', 'Meaning', 'Body'],
    Object.entries(operation.responses).map(([status, response]) => {
      const resolved = resolve(api, response);
      const media = resolved.content && Object.entries(resolved.content)[0];
      return [
        el('span', {className: `status s${status[0]}`}, status),
        inline(resolved.description),
        media ? [el('code', {}, media[0]), ' ', typeOf(media[1].schema)] : '—',
      ];
    })));
  for (const sample of operation['x-codeSamples'] ?? []) {
    card.append(el('h4', {}, `Example: ${sample.label}`), el('pre', {}, el('code', {}, sample.source)));
  }
  return card;
}

function schemaCard(name, schema) {
  const card = el('article', {className: 'schema', id: `schema-${name}`}, el('h3', {}, name));
  if (schema.description) {
    card.append(...markdown(schema.description));
  }
  const required = new Set(schema.required ?? []);
  const properties = Object.entries(schema.properties ?? {});
  if (properties.length > 0) {
    card.append(table(['Field', 'Type', 'Description'], properties.map(([field, property]) => [
      el('code', {}, field + (required.has(field) ? '' : '?')),
      typeOf(property),
      inline(property.description ?? ''),
    ])));
  }
  return card;
}

function resolve(api, maybeRef) {
  if (!maybeRef.$ref) {
    return maybeRef;
  }
  const [, , section, name] = maybeRef.$ref.split('/');
  return api.components[section][name];
}

/** A schema's type as text and links: "number | null", "array of RankedDigit", "one of …". */
function typeOf(schema) {
  if (!schema) {
    return '—';
  }
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop();
    return el('a', {href: `#schema-${name}`}, name);
  }
  if (schema.type === 'array') {
    return el('span', {}, 'array of ', typeOf(schema.items));
  }
  const types = [].concat(schema.type ?? 'any').join(' | ');
  if (schema.const !== undefined) {
    return el('span', {}, `${types}: `, el('code', {}, JSON.stringify(schema.const)));
  }
  if (schema.enum) {
    return el('span', {}, `${types}: `, ...schema.enum.flatMap((value, index) =>
      [index > 0 ? ' | ' : '', el('code', {}, String(value))]));
  }
  if (schema.contentMediaType) {
    return `binary (${schema.contentMediaType})`;
  }
  if (schema.type === 'object' && schema.additionalProperties) {
    return el('span', {}, 'map of ', typeOf(schema.additionalProperties));
  }
  return types;
}

/** Paragraphs and "- " lists, with inline markdown inside. */
function markdown(text) {
  return text.split(/\n\n+/).filter(Boolean).map((block) => {
    const lines = block.split('\n');
    if (lines.every((line) => line.startsWith('- '))) {
      return el('ul', {}, ...lines.map((line) => el('li', {}, inline(line.slice(2)))));
    }
    return el('p', {}, inline(block));
  });
}

/** `code` and **bold**, as nodes. */
function inline(text) {
  const fragment = document.createDocumentFragment();
  for (const part of text.split(/(`[^`]+`|\*\*[^*]+\*\*)/)) {
    if (part.startsWith('`') && part.endsWith('`') && part.length > 1) {
      fragment.append(el('code', {}, part.slice(1, -1)));
    } else if (part.startsWith('**') && part.endsWith('**') && part.length > 3) {
      fragment.append(el('strong', {}, part.slice(2, -2)));
    } else {
      fragment.append(part);
    }
  }
  return fragment;
}

function table(headings, rows) {
  return el('div', {className: 'table-scroll'}, el('table', {},
    el('thead', {}, el('tr', {}, ...headings.map((heading) => el('th', {scope: 'col'}, heading)))),
    el('tbody', {}, ...rows.map((cells) => el('tr', {}, ...cells.map((cell) => el('td', {}, ...[].concat(cell))))))));
}

function capitalize(word) {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'className') {
      node.className = value;
    } else {
      node.setAttribute(name, value);
    }
  }
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}
