#!/usr/bin/env bash
# Builds a demonstration database (reference data and the Ardennes demo territory) and serves it
# on http://127.0.0.1:8080. The demo accounts' password is PARCOURS_DEMO_PASSWORD.
set -euo pipefail
bin=${1:-build/parcours}
db=${2:-var/demo.db}
mkdir -p "$(dirname "$db")" var/mail
export PARCOURS_DEMO_PASSWORD=${PARCOURS_DEMO_PASSWORD:-parcours-demo-2026}
"$bin" migrate --db "sqlite:$db"
"$bin" load-geo --db "sqlite:$db"
"$bin" load-rome --db "sqlite:$db"
"$bin" seed-demo --db "sqlite:$db"
echo "Comptes de démonstration : admin@demo.test, territoire@demo.test, structure@demo.test,"
echo "  orientation@demo.test, referent@demo.test — mot de passe : $PARCOURS_DEMO_PASSWORD"
echo "Parcours sur http://127.0.0.1:8080"
exec "$bin" serve --db "sqlite:$db" --listen 127.0.0.1:8080
