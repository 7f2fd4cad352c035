#!/usr/bin/env bash
# Side by side on this machine: the seed's Flask + PyTorch serving path (bench/seed-flask) and
# digits serve, loaded by the same generator with the same 280×280 canvas PNGs sent as
# {"image": dataURL} to each one's /predict. Needs Debian's python3-flask, python3-torch and
# python3-pil (apt-get install python3-flask python3-torch python3-pil).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/servers.sh
clients=${CLIENTS:-1,4,16}
duration=${DURATION:-10}
flask_port=${FLASK_PORT:-5055}
digits_port=${DIGITS_PORT:-8095}

/usr/bin/python3 bench/seed-flask/app.py --port "$flask_port" >/tmp/seed-flask.log 2>&1 &
flask_pid=$!
./digits serve --host 127.0.0.1 --port "$digits_port" --model default >/tmp/digits-serve.log 2>&1 &
digits_pid=$!
trap 'kill $flask_pid $digits_pid 2>/dev/null || true' EXIT

wait_until_ready "$flask_port" "$digits_port"
digits_jvm=$(pgrep -f "digits.jar serve --host 127.0.0.1 --port $digits_port" | head -1)

echo "== seed: Flask + PyTorch (python3 bench/seed-flask/app.py)"
./digits benchmark http --url "http://127.0.0.1:$flask_port/predict" --format json \
  --server-pid "$flask_pid" --clients "$clients" --duration "$duration"
echo
echo "== digits serve (same requests, the seed's /predict contract)"
./digits benchmark http --url "http://127.0.0.1:$digits_port/predict" --format json \
  --server-pid "$digits_jvm" --clients "$clients" --duration "$duration"
