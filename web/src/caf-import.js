// Progress of a CAF flux import: on the import's page while it runs, polls the JSON progress
// endpoint named by [data-caf-progress] every second, updates the <progress> bar and the status
// text (announced politely by screen readers), then reloads the page to show the report.
// Without this script the page still offers a link to reload it.
const POLL_MS = 1000;

function attach(box) {
  const url = box.dataset.cafProgress;
  const bar = box.querySelector('progress');
  const text = box.querySelector('[role="status"]');
  const status = document.getElementById('caf-status');
  const tick = async () => {
    try {
      const response = await fetch(url, { headers: { Accept: 'application/json' } });
      if (response.ok) {
        const p = await response.json();
        bar.value = p.percent;
        bar.textContent = `${p.percent} %`;
        text.textContent = `${p.done} foyers traités sur ${p.total} (${p.percent} %).`;
        if (status) status.textContent = p.status_label;
        if (p.finished) {
          window.location.assign(box.dataset.cafReport);
          return;
        }
      }
    } catch {
      // Network hiccup: try again at the next tick.
    }
    setTimeout(tick, POLL_MS);
  };
  setTimeout(tick, POLL_MS);
}

document.querySelectorAll('[data-caf-progress]').forEach(attach);
