"""Named mistakes of kata loops/modes."""

import torch

from katas._support.mistakes import mistake


@mistake("predicted in train mode: dropout still active", replaces="predict")
def train_mode(model, x):
    with torch.no_grad():
        probabilities = torch.softmax(model(x), dim=1)
    return probabilities, probabilities.argmax(dim=1)


@mistake("left the model in eval mode", replaces="predict")
def not_restored(model, x):
    model.eval()
    with torch.no_grad():
        probabilities = torch.softmax(model(x), dim=1)
    return probabilities, probabilities.argmax(dim=1)


@mistake("recorded a graph: no torch.no_grad()", replaces="predict")
def with_graph(model, x):
    was_training = model.training
    model.eval()
    probabilities = torch.softmax(model(x), dim=1)
    model.train(was_training)
    return probabilities, probabilities.argmax(dim=1)


@mistake("softmax over the batch (dim 0) instead of over the classes", replaces="predict")
def softmax_over_batch(model, x):
    was_training = model.training
    model.eval()
    with torch.no_grad():
        probabilities = torch.softmax(model(x), dim=0)
    model.train(was_training)
    return probabilities, probabilities.argmax(dim=1)


# Written blind, from the stub alone (red team, 2026-12)


@mistake("never switched to eval mode: Dropout still drops, BatchNorm still uses the batch", replaces="predict")
def predict_no_eval(model, x):
    with torch.no_grad():
        probabilities = torch.softmax(model(x), dim=1)
    return probabilities, probabilities.argmax(dim=1)


@mistake("called model.eval() but never put the model back in train mode", replaces="predict")
def predict_leaves_eval(model, x):
    model.eval()
    with torch.no_grad():
        probabilities = torch.softmax(model(x), dim=1)
    return probabilities, probabilities.argmax(dim=1)


@mistake("always calls model.train() at the end, even when the model came in eval mode", replaces="predict")
def predict_always_back_to_train(model, x):
    model.eval()
    with torch.no_grad():
        probabilities = torch.softmax(model(x), dim=1)
    model.train()
    return probabilities, probabilities.argmax(dim=1)


@mistake("set model.training = False by hand: the sub-modules (Dropout inside) stay in train mode",
         replaces="predict")
def predict_sets_flag_only(model, x):
    was_training = model.training
    model.training = False
    with torch.no_grad():
        probabilities = torch.softmax(model(x), dim=1)
    model.training = was_training
    return probabilities, probabilities.argmax(dim=1)


@mistake("restored the mode with model.training = was_training, which leaves the sub-modules in eval",
         replaces="predict")
def predict_restores_flag_only(model, x):
    was_training = model.training
    model.eval()
    with torch.no_grad():
        probabilities = torch.softmax(model(x), dim=1)
    model.training = was_training
    return probabilities, probabilities.argmax(dim=1)


@mistake("forgot torch.no_grad(): the probabilities carry a graph (requires_grad=True)", replaces="predict")
def predict_records_graph(model, x):
    was_training = model.training
    model.eval()
    probabilities = torch.softmax(model(x), dim=1)
    model.train(was_training)
    return probabilities, probabilities.argmax(dim=1)


@mistake("turned grad mode off with torch.set_grad_enabled(False) and left it off", replaces="predict")
def predict_leaks_grad_mode(model, x):
    was_training = model.training
    model.eval()
    torch.set_grad_enabled(False)
    probabilities = torch.softmax(model(x), dim=1)
    model.train(was_training)
    return probabilities, probabilities.argmax(dim=1)


@mistake("softmax over dim 0 (over the rows) instead of over the classes", replaces="predict")
def predict_softmax_dim0(model, x):
    was_training = model.training
    model.eval()
    with torch.no_grad():
        probabilities = torch.softmax(model(x), dim=0)
    model.train(was_training)
    return probabilities, probabilities.argmax(dim=1)


@mistake("took the argmax over dim 0 instead of over the classes", replaces="predict")
def predict_argmax_dim0(model, x):
    was_training = model.training
    model.eval()
    with torch.no_grad():
        probabilities = torch.softmax(model(x), dim=1)
    model.train(was_training)
    return probabilities, probabilities.argmax(dim=0)


@mistake("returned the largest probability (max values) instead of its index", replaces="predict")
def predict_max_values(model, x):
    was_training = model.training
    model.eval()
    with torch.no_grad():
        probabilities = torch.softmax(model(x), dim=1)
    model.train(was_training)
    classes, _ = probabilities.max(dim=1)
    return probabilities, classes


@mistake("used sigmoid on each logit instead of softmax over the classes", replaces="predict")
def predict_sigmoid(model, x):
    was_training = model.training
    model.eval()
    with torch.no_grad():
        probabilities = torch.sigmoid(model(x))
    model.train(was_training)
    return probabilities, probabilities.argmax(dim=1)


@mistake("returned log_softmax (log-probabilities) as the probabilities", replaces="predict")
def predict_log_softmax(model, x):
    was_training = model.training
    model.eval()
    with torch.no_grad():
        probabilities = torch.log_softmax(model(x), dim=1)
    model.train(was_training)
    return probabilities, probabilities.argmax(dim=1)


@mistake("argmax with keepdim=True: classes come out with shape (N, 1)", replaces="predict")
def predict_keepdim(model, x):
    was_training = model.training
    model.eval()
    with torch.no_grad():
        probabilities = torch.softmax(model(x), dim=1)
    model.train(was_training)
    return probabilities, probabilities.argmax(dim=1, keepdim=True)


@mistake("returned a list [probabilities, classes] instead of a tuple", replaces="predict")
def predict_returns_list(model, x):
    was_training = model.training
    model.eval()
    with torch.no_grad():
        probabilities = torch.softmax(model(x), dim=1)
    model.train(was_training)
    return [probabilities, probabilities.argmax(dim=1)]


@mistake("returned the classes first and the probabilities second", replaces="predict")
def predict_swapped_outputs(model, x):
    was_training = model.training
    model.eval()
    with torch.no_grad():
        probabilities = torch.softmax(model(x), dim=1)
    model.train(was_training)
    return probabilities.argmax(dim=1), probabilities


@mistake("ran the model twice: once in eval mode for the classes, once more after restoring the mode for the "
         "probabilities", replaces="predict")
def predict_second_forward_in_train(model, x):
    was_training = model.training
    model.eval()
    with torch.no_grad():
        classes = model(x).argmax(dim=1)
    model.train(was_training)
    with torch.no_grad():
        probabilities = torch.softmax(model(x), dim=1)
    return probabilities, classes


@mistake("took the classes through NumPy: on the CPU whatever x's device", replaces="predict")
def predict_classes_through_numpy(model, x):
    was_training = model.training
    model.eval()
    with torch.no_grad():
        probabilities = torch.softmax(model(x), dim=1)
    model.train(was_training)
    return probabilities, torch.from_numpy(probabilities.numpy().argmax(axis=1))
