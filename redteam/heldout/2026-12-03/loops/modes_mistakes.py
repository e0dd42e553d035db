"""Blind red team: wrong answers for kata loops/modes."""
import torch
from katas._support.mistakes import mistake


@mistake(
    "I forgot model.eval(): a model that comes in train mode predicts with dropout on and "
    "BatchNorm using batch statistics, and updates its running statistics",
    replaces="predict",
)
def predict_without_eval(model, x):
    with torch.no_grad():
        logits = model(x)
    probabilities = torch.softmax(logits, dim=1)
    return probabilities, probabilities.argmax(dim=1)


@mistake(
    "I called model.eval() and never put the model back, so a model that came in train mode "
    "leaves in eval mode",
    replaces="predict",
)
def predict_leaves_eval(model, x):
    model.eval()
    with torch.no_grad():
        logits = model(x)
    probabilities = torch.softmax(logits, dim=1)
    return probabilities, probabilities.argmax(dim=1)


@mistake(
    "I ended with model.train() unconditionally, so a model that came in eval mode leaves in "
    "train mode",
    replaces="predict",
)
def predict_always_back_to_train(model, x):
    model.eval()
    with torch.no_grad():
        logits = model(x)
    model.train()
    probabilities = torch.softmax(logits, dim=1)
    return probabilities, probabilities.argmax(dim=1)


@mistake(
    "I restored the mode with `model.training = was_training`, which only sets the top module's "
    "flag: its sub-modules (Dropout, BatchNorm) stay in eval mode",
    replaces="predict",
)
def predict_restores_top_flag_only(model, x):
    was_training = model.training
    model.eval()
    with torch.no_grad():
        logits = model(x)
    model.training = was_training
    probabilities = torch.softmax(logits, dim=1)
    return probabilities, probabilities.argmax(dim=1)


@mistake(
    "I ran the forward pass before switching to eval mode (the eval() call came one line too "
    "late), so a train-mode model predicts with dropout/batch statistics and BatchNorm's "
    "running statistics change",
    replaces="predict",
)
def predict_forward_before_eval(model, x):
    was_training = model.training
    with torch.no_grad():
        logits = model(x)
    model.eval()
    probabilities = torch.softmax(logits, dim=1)
    classes = probabilities.argmax(dim=1)
    model.train(was_training)
    return probabilities, classes


@mistake(
    "I took the softmax over dim 0 (the batch) instead of over the classes, so columns sum to 1, "
    "not rows",
    replaces="predict",
)
def predict_softmax_over_batch(model, x):
    was_training = model.training
    model.eval()
    with torch.no_grad():
        logits = model(x)
    model.train(was_training)
    probabilities = torch.softmax(logits, dim=0)
    return probabilities, probabilities.argmax(dim=1)


@mistake(
    "I used argmax(dim=1, keepdim=True), so classes come out shaped (N, 1) instead of (N,)",
    replaces="predict",
)
def predict_classes_keepdim(model, x):
    was_training = model.training
    model.eval()
    with torch.no_grad():
        logits = model(x)
    model.train(was_training)
    probabilities = torch.softmax(logits, dim=1)
    return probabilities, probabilities.argmax(dim=1, keepdim=True)


@mistake(
    "I switched to eval mode but forgot torch.no_grad(): a graph is recorded and the "
    "probabilities require grad",
    replaces="predict",
)
def predict_records_graph(model, x):
    was_training = model.training
    model.eval()
    logits = model(x)
    model.train(was_training)
    probabilities = torch.softmax(logits, dim=1)
    return probabilities, probabilities.argmax(dim=1)


@mistake(
    "I turned recording off with a bare torch.set_grad_enabled(False) call and never turned it "
    "back on",
    replaces="predict",
)
def predict_grad_mode_left_off(model, x):
    was_training = model.training
    model.eval()
    torch.set_grad_enabled(False)
    logits = model(x)
    model.train(was_training)
    probabilities = torch.softmax(logits, dim=1)
    return probabilities, probabilities.argmax(dim=1)


@mistake(
    "I cast the classes with .int(), which gives int32, not int64",
    replaces="predict",
)
def predict_classes_int32(model, x):
    was_training = model.training
    model.eval()
    with torch.no_grad():
        logits = model(x)
    model.train(was_training)
    probabilities = torch.softmax(logits, dim=1)
    return probabilities, probabilities.argmax(dim=1).int()


@mistake(
    "I returned a list [probabilities, classes]; the docstring asks for a tuple (unpacking "
    "still works, which is why I missed it)",
    replaces="predict",
)
def predict_returns_list(model, x):
    was_training = model.training
    model.eval()
    with torch.no_grad():
        logits = model(x)
    model.train(was_training)
    probabilities = torch.softmax(logits, dim=1)
    return [probabilities, probabilities.argmax(dim=1)]


@mistake(
    "I took probabilities.max(dim=1)[0], which is the largest probability itself, not its index",
    replaces="predict",
)
def predict_classes_are_max_values(model, x):
    was_training = model.training
    model.eval()
    with torch.no_grad():
        logits = model(x)
    model.train(was_training)
    probabilities = torch.softmax(logits, dim=1)
    return probabilities, probabilities.max(dim=1)[0]
