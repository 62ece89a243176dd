// Suggestions for the ROME job fields of the diagnostic: an <input data-rome-field list="...">
// gets its <datalist> filled from /api/v1/rome/appellations as the user types (any word of the
// title, in any order). The browser's datalist is keyboard accessible and announced by screen
// readers. Without this script the field still works: the server looks the typed title up and,
// when several match, shows them to be ticked.
const DELAY_MS = 150;

function attach(input) {
  const list = document.getElementById(input.getAttribute('list'));
  if (!list) return;
  let timer = null;
  let controller = null;
  let lastQuery = '';

  const update = async () => {
    const query = input.value.trim();
    if (query.length < 2 || query === lastQuery) return;
    lastQuery = query;
    controller?.abort();
    controller = new AbortController();
    try {
      const response = await fetch(`/api/v1/rome/appellations?${new URLSearchParams({ q: query, limit: '15' })}`, {
        signal: controller.signal,
        headers: { Accept: 'application/json' },
      });
      if (!response.ok) return;
      const jobs = await response.json();
      list.replaceChildren(
        ...jobs.map((job) => {
          const option = document.createElement('option');
          option.value = job.appellation;
          option.label = `ROME ${job.code_rome}`;
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

document.querySelectorAll('input[data-rome-field][list]').forEach(attach);
