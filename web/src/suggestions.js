// Suggestions while typing in a field: an <input list="..."> marked data-commune-field or
// data-rome-field gets its <datalist> filled from the matching API as the user types. The
// browser's own datalist is keyboard accessible (arrows, Enter) and announced by screen readers.
// Without this script the fields still work: the server resolves a typed commune (name, postcode
// or INSEE code) and looks a typed ROME job title up, showing the candidates to tick.

// What each kind of field asks, and how an answer becomes the options of its list.
const kinds = [
  {
    selector: 'input[data-commune-field][list]',
    delayMs: 200,
    // A value chosen from the list ("Sedan (08409)") needs no new search.
    isChosen: (query) => /\(\w{5}\)$/.test(query),
    url: (query, input) => {
      const params = new URLSearchParams({ q: query, limit: '10' });
      if (input.dataset.departements) params.set('departements', input.dataset.departements);
      return `/api/v1/geo/communes?${params}`;
    },
    option: (c) => ({
      value: `${c.nom} (${c.code})`,
      label: `${c.codes_postaux.join(', ')} — département ${c.departement}`,
    }),
  },
  {
    // Any word of the job title, in any order.
    selector: 'input[data-rome-field][list]',
    delayMs: 150,
    isChosen: () => false,
    url: (query) => `/api/v1/rome/appellations?${new URLSearchParams({ q: query, limit: '15' })}`,
    option: (job) => ({ value: job.appellation, label: `ROME ${job.code_rome}` }),
  },
];

function attach(input, kind) {
  const list = document.getElementById(input.getAttribute('list'));
  if (!list) return;
  let timer = null;
  let controller = null;
  let lastQuery = '';

  const update = async () => {
    const query = input.value.trim();
    if (query.length < 2 || query === lastQuery || kind.isChosen(query)) return;
    lastQuery = query;
    controller?.abort();
    controller = new AbortController();
    try {
      const response = await fetch(kind.url(query, input), {
        signal: controller.signal,
        headers: { Accept: 'application/json' },
      });
      if (!response.ok) return;
      const items = await response.json();
      list.replaceChildren(
        ...items.map((item) => {
          const { value, label } = kind.option(item);
          const option = document.createElement('option');
          option.value = value;
          option.label = label;
          return option;
        }),
      );
    } catch (error) {
      if (error.name !== 'AbortError') lastQuery = '';
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(update, kind.delayMs);
  });
}

for (const kind of kinds) {
  document.querySelectorAll(kind.selector).forEach((input) => attach(input, kind));
}
