# %% [markdown] title

# %%
«#header»
import numpy as np

print("NumPy", np.__version__)

# %% [markdown] data

# %%
«#dataShape»
FEATURES = «=features»
X_train = np.array(«=xTrain», dtype=np.float64).reshape(«=xTrainShape»)
Y_train = np.array(«=yTrain», dtype=np.float64).reshape(«=yTrainShape»)
X_test = np.array(«=xTest», dtype=np.float64).reshape(«=xTestShape»)
Y_test = np.array(«=yTest», dtype=np.float64).reshape(«=yTestShape»)
print("X_train", X_train.shape, "Y_train", Y_train.shape, "X_test", X_test.shape, "Y_test", Y_test.shape)

# %% [markdown] network

# %%
«#weightsShape»
«=weights»
W = «=wList»
b = «=bList»
ACTIVATIONS = «=activations»  # «#activationsLine»
LOSS = «=loss»

LEARNING_RATE = «=learningRate»
BATCH_SIZE = «=batchSize»  # «#batchLine»
OPTIMIZER = «=optimizer»
REGULARIZATION = «=regularization»
REGULARIZATION_RATE = «=regularizationRate»
EPOCHS = «=epochs»

# %% [markdown] functions

# %%
def sigmoid(Z):
    with np.errstate(over="ignore"):  # «#sigmoidLine»
        return 1 / (1 + np.exp(-Z))


def activate(name, Z):
    if name == "tanh":
        «#tanh»
        return np.tanh(Z)
    if name == "relu":
        return np.maximum(0.0, Z)
    if name == "leakyRelu":
        return np.where(Z > 0, Z, 0.01 * Z)
    if name == "sigmoid":
        return sigmoid(Z)
    if name == "softmax":
        E = np.exp(Z - Z.max(axis=0, keepdims=True))
        return E / E.sum(axis=0, keepdims=True)
    return Z  # linear


def activation_backward(name, dA, Z, A):
    «#activationBackward»
    if name == "tanh":
        return dA * (1 - A * A)
    if name == "sigmoid":
        return dA * A * (1 - A)
    if name == "relu":
        return np.where(Z <= 0, 0.0, dA)
    if name == "leakyRelu":
        return np.where(Z > 0, dA, 0.01 * dA)
    return dA  # linear


def sample_losses(Z, A, Y):
    «#sampleLosses»
    if LOSS == "square":
        D = A - Y
        return (0.5 * (D * D)).sum(axis=0)
    if LOSS == "mse":
        D = A - Y
        return (D * D).sum(axis=0) / Y.shape[0]
    if LOSS == "bce":
        return (np.maximum(Z, 0) - Z * Y + np.log1p(np.exp(-np.abs(Z)))).sum(axis=0)
    # ce
    M = Z.max(axis=0)
    log_sum_exp = M + np.log(np.exp(Z - M).sum(axis=0))
    return -(Y * (Z - log_sum_exp)).sum(axis=0)


def output_delta(Z, A, Y):
    «#outputDelta»
    if LOSS == "bce":
        with np.errstate(over="ignore"):
            return (1 - Y) * sigmoid(Z) - Y * (1 / (1 + np.exp(Z)))
    if LOSS == "ce":
        «#ceDelta»
        rest = (A * (1 - Y)).sum(axis=0)
        return np.where(Y == 1, -rest, A - Y)
    scale = 2.0 / Y.shape[0] if LOSS == "mse" else 1.0
    return activation_backward(ACTIVATIONS[-1], scale * (A - Y), Z, A)


# %% [markdown] forwardBackward

# %%
def forward(X):
    «#forward»
    Zs, As = [], [X]
    for l in range(len(W)):
        Z = W[l] @ As[-1] + b[l]
        Zs.append(Z)
        As.append(activate(ACTIVATIONS[l], Z))
    return Zs, As


def backward(Zs, As, Y, dW, db):
    «#backward»
    delta = output_delta(Zs[-1], As[-1], Y)
    for l in reversed(range(len(W))):
        dW[l] += delta @ As[l].T  # dW = δ aᵀ
        db[l] += delta.sum(axis=1, keepdims=True)
        if l > 0:
            delta = activation_backward(ACTIVATIONS[l - 1], W[l].T @ delta, Zs[l - 1], As[l])


def mean_loss(X, Y):
    «#meanLoss»
    if Y.shape[1] == 0:
        return float("nan")  # a set of no points has no loss (the playground shows none)
    Zs, As = forward(X)
    total = 0.0
    for value in sample_losses(Zs[-1], As[-1], Y):
        total += float(value)
    return total / Y.shape[1]


# %% [markdown] update

# %%
BETA1, BETA2, MU, RHO, EPS = 0.9, 0.999, 0.9, 0.9, 1e-8
moments = {}  # «#momentsLine»
adam_steps = 0
frozen = [np.zeros(w.shape, dtype=bool) for w in W]  # «#frozenLine»


def optimizer_step(key, P, G, count, keep):
    «#optimizerStep»
    lr = LEARNING_RATE
    if OPTIMIZER == "sgd":
        return np.where(keep, P, P - lr / count * G)
    g = G / count
    if OPTIMIZER == "momentum":
        v = moments.setdefault(key, np.zeros_like(P))
        v[...] = np.where(keep, v, MU * v + g)
        return np.where(keep, P, P - lr * v)
    if OPTIMIZER == "adam":
        m = moments.setdefault(key + "m", np.zeros_like(P))
        v = moments.setdefault(key + "v", np.zeros_like(P))
        c1, c2 = 1 - BETA1 ** adam_steps, 1 - BETA2 ** adam_steps
        m[...] = np.where(keep, m, BETA1 * m + (1 - BETA1) * g)
        v[...] = np.where(keep, v, BETA2 * v + (1 - BETA2) * g * g)
        return np.where(keep, P, P - lr * (m / c1) / (np.sqrt(v / c2) + EPS))
    # rmsprop
    s = moments.setdefault(key, np.zeros_like(P))
    s[...] = np.where(keep, s, RHO * s + (1 - RHO) * g * g)
    return np.where(keep, P, P - lr * g / (np.sqrt(s) + EPS))


def update(dW, db, count):
    «#update»
    global adam_steps
    adam_steps += 1
    regularize = REGULARIZATION != "none" and REGULARIZATION_RATE != 0
    if regularize:
        dR = [np.sign(w) if REGULARIZATION == "L1" else w.copy() for w in W]
    for l in range(len(W)):
        W[l] = optimizer_step("W%d" % l, W[l], dW[l], count, frozen[l])
        b[l] = optimizer_step("b%d" % l, b[l], db[l], count, np.zeros(b[l].shape, dtype=bool))
    if regularize:
        shrink = LEARNING_RATE * REGULARIZATION_RATE
        for l in range(len(W)):
            after = W[l] - shrink * dR[l]
            crossed = (W[l] * after < 0) & ~frozen[l] if REGULARIZATION == "L1" else np.zeros(W[l].shape, dtype=bool)
            W[l] = np.where(frozen[l], W[l], np.where(crossed, 0.0, after))
            frozen[l] |= crossed


# %% [markdown] train

# %%
«#trainLoop»
dW = [np.zeros_like(w) for w in W]
db = [np.zeros_like(c) for c in b]
accumulated = 0
train_losses, test_losses = [], []
n = X_train.shape[1]
for epoch in range(1, EPOCHS + 1):
    start, next_update = 0, BATCH_SIZE
    while start < n:
        end = min(next_update, n)
        Zs, As = forward(X_train[:, start:end])
        backward(Zs, As, Y_train[:, start:end], dW, db)
        accumulated += end - start
        start = end
        if end == next_update:
            update(dW, db, accumulated)
            for g in dW + db:
                g[...] = 0
            accumulated = 0
            next_update += BATCH_SIZE
    «#leftover»
    train_losses.append(mean_loss(X_train, Y_train))
    test_losses.append(mean_loss(X_test, Y_test))
    print("epoch %d  train loss %r  test loss %r" % (epoch, train_losses[-1], test_losses[-1]))

# %% [markdown] compare

# %%
«#compare»
PLAYGROUND_TRAIN_LOSS = «=playgroundTrain»
PLAYGROUND_TEST_LOSS = «=playgroundTest»
gap = max(max(abs(a - e) for a, e in zip(train_losses, PLAYGROUND_TRAIN_LOSS)),
          max(abs(a - e) for a, e in zip(test_losses, PLAYGROUND_TEST_LOSS)))
print("largest difference from the playground's losses: %.3g" % gap)

# %% [markdown] plot

# %%
«#plot»
MAP_DOMAIN = «=mapDomain»  # «#mapDomainLine»
try:
    import matplotlib.pyplot as plt
except ImportError:
    plt = None
if plt is None:
    print("matplotlib is not installed: no plot")
else:
    plt.plot(range(1, EPOCHS + 1), train_losses, label="train")
    plt.plot(range(1, EPOCHS + 1), test_losses, label="test")
    plt.xlabel("epoch")
    plt.ylabel("loss")
    plt.legend()
    if MAP_DOMAIN is not None:
        «#mapPlot»
        g = np.linspace(MAP_DOMAIN[0], MAP_DOMAIN[1], 101)
        gx, gy = np.meshgrid(g, g)
        columns = {"x": gx, "y": gy, "xSquared": gx * gx, "ySquared": gy * gy, "xTimesY": gx * gy,
                   "sinX": np.sin(gx), "sinY": np.sin(gy)}
        _, As = forward(np.stack([columns[f].ravel() for f in FEATURES]))
        K = As[-1].shape[0]
        out = As[-1][0] if K == 1 else As[-1].argmax(axis=0)
        label = Y_train[0] if K == 1 else Y_train.argmax(axis=0)
        lo, hi = (min(out.min(), label.min()), max(out.max(), label.max())) if K == 1 else (-0.5, K - 0.5)
        cmap = "RdBu" if K == 1 else "tab10"
        plt.figure()
        plt.contourf(gx, gy, out.reshape(gx.shape), levels=20 if K == 1 else np.arange(K + 1) - 0.5,
                     cmap=cmap, vmin=lo, vmax=hi, alpha=0.6)
        if "x" in FEATURES and "y" in FEATURES:
            plt.scatter(X_train[FEATURES.index("x")], X_train[FEATURES.index("y")], c=label, cmap=cmap, vmin=lo, vmax=hi,
                        edgecolors="white", linewidths=0.5, s=18)
        plt.title("epoch %d" % EPOCHS)
    plt.show()
