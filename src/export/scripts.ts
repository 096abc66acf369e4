// scripts.ts — the two Python scripts Export offers beside the JSON: NumPy (every derivative written out)
// and PyTorch (the same network, the derivatives by autograd: requires_grad, loss.backward()). Both embed
// the vectors (or read a JSON file named on the command line), recompute every number and assert it
// against the file with the file's tolerance, printing "all N checks passed". They check the same list
// in the same order, so N is the same for both; checkCount() below is that N, for the tests.
import type { TestVectors } from './vectors.ts';

/** The vectors as a Python literal: JSON read by json.loads from a raw string (JSON has no triple quotes). */
function embedded(v: TestVectors): string {
  return `json.loads(r'''\n${JSON.stringify(v, null, 1)}\n''')`;
}

const HEADER = (v: TestVectors, what: string) => `# ${what}
# Backprop, Step by Step — ${v.example} (widget "${v.widget}"), test vectors schema ${v.schema} v${v.version}.
# Run: python3 <this file> [vectors.json]   (without an argument it checks the vectors embedded below)
# Loss: ${v.conventions.lossFormula}
# Update: ${v.conventions.update}, α = ${v.conventions.learningRate}
import json
import sys
`;

// The checks both scripts make, in order: per layer z, a, f′(z); L; ∂L/∂ŷ; per layer δ, ∂L/∂W, ∂L/∂b;
// per layer W and b after the step; L after it; then every number the widget shows, by its path.
const CHECKS = `
checks = []


def check(name, got, want):
    got, want = np.asarray(got, dtype=float), np.asarray(want, dtype=float)
    ok = got.shape == want.shape and np.allclose(got, want, rtol=RTOL, atol=ATOL)
    checks.append((name, ok, got, want))


def at(tree, path):
    for key in path.split("."):
        tree = tree[key] if isinstance(tree, dict) else tree[int(key)]  # lists and arrays by index
    return tree


def report(mine):
    """mine has the file's structure: forward, loss, backward, update, recomputed here."""
    for l, (f_got, f_want) in enumerate(zip(mine["forward"], V["forward"])):
        for key in ("z", "a", "dadz"):
            check(f"layer {l + 1} {key}", f_got[key], f_want[key])
    check("loss", mine["loss"], V["loss"])
    check("dL/dyHat", mine["backward"]["dLdyHat"], V["backward"]["dLdyHat"])
    for l, (b_got, b_want) in enumerate(zip(mine["backward"]["layers"], V["backward"]["layers"])):
        for key in ("delta", "dLdW", "dLdb"):
            check(f"layer {l + 1} {key}", b_got[key], b_want[key])
    for l, (p_got, p_want) in enumerate(zip(mine["update"]["parameters"], V["update"]["parameters"])):
        check(f"layer {l + 1} W after the step", p_got["W"], p_want["W"])
        check(f"layer {l + 1} b after the step", p_got["b"], p_want["b"])
    check("loss after the step", mine["update"]["lossNext"], V["update"]["lossNext"])
    # The widget's numbers: computed ones from here, inputs and parameters from the file.
    for name, (value, path) in V["shown"].items():
        check(f"the widget's {name} ({path})", at({**V, **mine}, path), value)
    failed = [c for c in checks if not c[1]]
    for name, _, got, want in failed:
        print(f"MISMATCH {name}: computed {got.tolist()}, file says {want.tolist()}")
    if failed:
        sys.exit(f"{len(failed)} of {len(checks)} checks failed")
    print(f"all {len(checks)} checks passed")
`;

/** The NumPy script: forward, backward and the step with every derivative written out. */
export function numpyScript(v: TestVectors): string {
  return `${HEADER(v, 'NumPy: recompute every number of the test vectors, derivatives by hand.')}
import numpy as np

V = ${embedded(v)}
if len(sys.argv) > 1:
    with open(sys.argv[1], encoding="utf-8") as f:
        V = json.load(f)
RTOL, ATOL = V["conventions"]["tolerance"]["rtol"], V["conventions"]["tolerance"]["atol"]

X, Y = np.array(V["inputs"]["X"], dtype=float), np.array(V["inputs"]["Y"], dtype=float)
N = X.shape[1]  # samples, one per column
ALPHA = V["conventions"]["learningRate"]
LOSS = V["conventions"]["loss"]
ACTS = [p["activation"] for p in V["parameters"]]

F = {
    "sigmoid": lambda z: 1 / (1 + np.exp(-z)),
    "tanh": np.tanh,
    "relu": lambda z: np.maximum(z, 0),
    "leakyRelu": lambda z: np.where(z > 0, z, 0.01 * z),
    "identity": lambda z: z,
}
DF = {  # f'(z), from z
    "sigmoid": lambda z: F["sigmoid"](z) * (1 - F["sigmoid"](z)),
    "tanh": lambda z: 1 - np.tanh(z) ** 2,
    "relu": lambda z: (z > 0).astype(float),
    "leakyRelu": lambda z: np.where(z > 0, 1.0, 0.01),
    "identity": lambda z: np.ones_like(z),
}


def loss_and_grad(y_hat):
    """L and dL/dy_hat under the file's convention (see conventions.lossFormula)."""
    if LOSS == "halfSquaredErrorSum":  # sum over samples and outputs, no 1/N
        return 0.5 * np.sum((Y - y_hat) ** 2), y_hat - Y
    if LOSS == "binaryCrossEntropy":  # mean over the N samples, sum over the outputs
        p = np.clip(y_hat, 1e-12, 1 - 1e-12)
        return -np.sum(Y * np.log(p) + (1 - Y) * np.log(1 - p)) / N, (p - Y) / (p * (1 - p)) / N
    sys.exit(f"unknown loss {LOSS}")


def forward(Ws, bs):
    zs, As, a = [], [], X
    for W, b, act in zip(Ws, bs, ACTS):
        z = W @ a + b  # b (units x 1) is added to every sample's column
        a = F[act](z)
        zs.append(z)
        As.append(a)
    return zs, As


Ws = [np.array(p["W"], dtype=float) for p in V["parameters"]]
bs = [np.array(p["b"], dtype=float) for p in V["parameters"]]
zs, As = forward(Ws, bs)
L, dL_dyhat = loss_and_grad(As[-1])

# Backward: delta of the output layer, then each hidden layer from the one above it.
deltas = [None] * len(Ws)
deltas[-1] = dL_dyhat * DF[ACTS[-1]](zs[-1])
for l in range(len(Ws) - 2, -1, -1):
    deltas[l] = (Ws[l + 1].T @ deltas[l + 1]) * DF[ACTS[l]](zs[l])
a_prev = [X] + As[:-1]
dWs = [d @ ap.T for d, ap in zip(deltas, a_prev)]  # summed over the samples
dbs = [d.sum(axis=1, keepdims=True) for d in deltas]

# One step of gradient descent, then the loss there.
Ws_next = [W - ALPHA * dW for W, dW in zip(Ws, dWs)]
bs_next = [b - ALPHA * db for b, db in zip(bs, dbs)]
L_next, _ = loss_and_grad(forward(Ws_next, bs_next)[1][-1])
${CHECKS}

report({
    "forward": [{"z": z, "a": a, "dadz": DF[act](z)} for z, a, act in zip(zs, As, ACTS)],
    "loss": L,
    "backward": {"dLdyHat": dL_dyhat, "layers": [{"delta": d, "dLdW": dW, "dLdb": db} for d, dW, db in zip(deltas, dWs, dbs)]},
    "update": {"parameters": [{"W": W, "b": b} for W, b in zip(Ws_next, bs_next)], "lossNext": L_next},
})
`;
}

/** The PyTorch script: the same network in float64 tensors, every derivative from loss.backward(). */
export function torchScript(v: TestVectors): string {
  return `${HEADER(v, 'PyTorch: recompute every number of the test vectors, derivatives by autograd.')}
import numpy as np
import torch
import torch.nn.functional as F_

torch.set_default_dtype(torch.float64)  # the book's engine computes in float64
V = ${embedded(v)}
if len(sys.argv) > 1:
    with open(sys.argv[1], encoding="utf-8") as f:
        V = json.load(f)
RTOL, ATOL = V["conventions"]["tolerance"]["rtol"], V["conventions"]["tolerance"]["atol"]

X, Y = torch.tensor(V["inputs"]["X"], dtype=torch.float64), torch.tensor(V["inputs"]["Y"], dtype=torch.float64)
N = X.shape[1]  # samples, one per column
ALPHA = V["conventions"]["learningRate"]
LOSS = V["conventions"]["loss"]
ACTS = [p["activation"] for p in V["parameters"]]

F = {
    "sigmoid": torch.sigmoid,
    "tanh": torch.tanh,
    "relu": torch.relu,
    "leakyRelu": lambda z: F_.leaky_relu(z, 0.01),
    "identity": lambda z: z,
}


def loss_of(y_hat):
    """L under the file's convention, in PyTorch's terms (its default reduction="mean" would not match)."""
    if LOSS == "halfSquaredErrorSum":  # sum over samples and outputs, no 1/N: reduction="sum", times 1/2
        return 0.5 * F_.mse_loss(y_hat, Y, reduction="sum")
    if LOSS == "binaryCrossEntropy":  # mean over the N samples, sum over the outputs: sum, then / N
        # (The engine clips y_hat to [1e-12, 1 - 1e-12]; PyTorch clamps each log at -100 instead: the same
        # numbers unless y_hat is within 1e-12 of 0 or 1.)
        return F_.binary_cross_entropy(y_hat, Y, reduction="sum") / N
    sys.exit(f"unknown loss {LOSS}")


def forward(Ws, bs, keep=False):
    zs, As, a = [], [], X
    for W, b, act in zip(Ws, bs, ACTS):
        z = W @ a + b
        if keep:
            z.retain_grad()  # z.grad will be delta = dL/dz
        a = F[act](z)
        zs.append(z)
        As.append(a)
    return zs, As


Ws = [torch.tensor(p["W"], dtype=torch.float64, requires_grad=True) for p in V["parameters"]]
bs = [torch.tensor(p["b"], dtype=torch.float64, requires_grad=True) for p in V["parameters"]]
zs, As = forward(Ws, bs, keep=True)
As[-1].retain_grad()
L = loss_of(As[-1])
L.backward()  # fills W.grad, b.grad (dL/dW, dL/db) and, kept above, z.grad (delta) and y_hat.grad

# f'(z) by autograd too: each activation acts entry by entry, so d(sum f(z))/dz = f'(z).
dadz = []
for z, act in zip(zs, ACTS):
    zz = z.detach().requires_grad_()
    dadz.append(torch.autograd.grad(F[act](zz).sum(), zz)[0])

with torch.no_grad():  # one step of gradient descent, then the loss there
    Ws_next = [W - ALPHA * W.grad for W in Ws]
    bs_next = [b - ALPHA * b.grad for b in bs]
    L_next = loss_of(forward(Ws_next, bs_next)[1][-1])

n = lambda t: t.detach().numpy()
${CHECKS}

report({
    "forward": [{"z": n(z), "a": n(a), "dadz": n(d)} for z, a, d in zip(zs, As, dadz)],
    "loss": L.item(),
    "backward": {"dLdyHat": n(As[-1].grad), "layers": [{"delta": n(z.grad), "dLdW": n(W.grad), "dLdb": n(b.grad)} for z, W, b in zip(zs, Ws, bs)]},
    "update": {"parameters": [{"W": n(W), "b": n(b)} for W, b in zip(Ws_next, bs_next)], "lossNext": L_next.item()},
})
`;
}

/** How many checks the scripts make for these vectors: the N of "all N checks passed". */
export function checkCount(v: TestVectors): number {
  const layers = v.parameters.length;
  return layers * 3 + 2 + layers * 3 + layers * 2 + 1 + Object.keys(v.shown).length;
}
