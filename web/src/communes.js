// Suggestions for commune fields: an <input data-commune-field list="..."> gets its <datalist>
// filled from /api/v1/geo/communes as the user types. The browser's own datalist is keyboard
// accessible (arrows, Enter) and announced by screen readers. Without this script the field
// still works: the server resolves a typed name, postcode or INSEE code.
const DELAY_MS = 200;

function attach(input) {
  const list = document.getElementById(input.getAttribute('list'));
  if (!list) return;
  let timer = null;
  let controller = null;
  let lastQuery = '';

  const update = async () => {
    const query = input.value.trim();
    // A value chosen from the list ("Sedan (08409)") needs no new search.
    if (query.length < 2 || query === lastQuery || /\(\w{5}\)$/.test(query)) return;
    lastQuery = query;
    controller?.abort();
    controller = new AbortController();
    const params = new URLSearchParams({ q: query, limit: '10' });
    if (input.dataset.departements) params.set('departements', input.dataset.departements);
    try {
      const response = await fetch(`/api/v1/geo/communes?${params}`, {
        signal: controller.signal,
        headers: { Accept: 'application/json' },
      });
      if (!response.ok) return;
      const communes = await response.json();
      list.replaceChildren(
        ...communes.map((c) => {
          const option = document.createElement('option');
          option.value = `${c.nom} (${c.code})`;
          option.label = `${c.codes_postaux.join(', ')} — département ${c.departement}`;
          return option;
        }),
      );
    } catch (error) {
      if (error.name !== 'AbortError') lastQuery = '';
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(update, DELAY_MS);
  });
}

document.querySelectorAll('input[data-commune-field][list]').forEach(attach);
