"""The first seed's serving path, rebuilt for a side-by-side speed comparison with digits.

A Flask app with the seed's contract, POST /predict {"image": dataURL} -> {"digit", "confidence"},
doing what the seed did per request: decode the data URL with PIL, convert to greyscale, resize
the whole canvas to 28x28, run the seed's network (conv 32/64 with batch norm and max-pool, dense
256/128 with batch norm and dropout) under torch.no_grad(), softmax, answer JSON.

The weights are random (the same arithmetic as trained ones): this app exists to measure speed.
Run with Debian's python3-flask, python3-torch and python3-pil:
    python3 bench/seed-flask/app.py --port 5000
"""

import argparse
import base64
import io

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from flask import Flask, jsonify, request
from PIL import Image


class SeedNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 32, 3, padding=1)
        self.bn1 = nn.BatchNorm2d(32)
        self.conv2 = nn.Conv2d(32, 64, 3, padding=1)
        self.bn2 = nn.BatchNorm2d(64)
        self.fc1 = nn.Linear(64 * 7 * 7, 256)
        self.bn3 = nn.BatchNorm1d(256)
        self.fc2 = nn.Linear(256, 128)
        self.bn4 = nn.BatchNorm1d(128)
        self.fc3 = nn.Linear(128, 10)
        self.dropout = nn.Dropout(0.5)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.bn1(self.conv1(x))), 2)
        x = F.max_pool2d(F.relu(self.bn2(self.conv2(x))), 2)
        x = torch.flatten(x, 1)
        x = self.dropout(F.relu(self.bn3(self.fc1(x))))
        x = self.dropout(F.relu(self.bn4(self.fc2(x))))
        return self.fc3(x)


app = Flask(__name__)
model = SeedNet().eval()


@app.route("/predict", methods=["POST"])
def predict():
    data_url = request.get_json()["image"]
    encoded = data_url.split(",", 1)[1]
    image = Image.open(io.BytesIO(base64.b64decode(encoded))).convert("L").resize((28, 28))
    pixels = np.asarray(image, dtype=np.float32) / 255.0
    tensor = torch.from_numpy(pixels).reshape(1, 1, 28, 28)
    with torch.no_grad():
        probabilities = F.softmax(model(tensor), dim=1)[0]
    digit = int(torch.argmax(probabilities))
    return jsonify({"digit": digit, "confidence": float(probabilities[digit])})


@app.route("/readyz")
def ready():
    # Not in the seed: digits' load generator asks /readyz before it measures.
    return "ready"


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=5000)
    args = parser.parse_args()
    # The seed ran Flask's own threaded server.
    app.run(host="127.0.0.1", port=args.port, threaded=True)
