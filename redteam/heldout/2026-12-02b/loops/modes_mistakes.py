"""Blind red team: wrong answers for kata loops/modes."""
import torch
from torch import nn
from katas._support.mistakes import mistake


@mistake("forgot model.eval(): no_grad alone, so dropout still drops and batch norm still uses "
         "(and updates) batch statistics", replaces="predict")
def never_switches_to_eval(model, x):
    with torch.no_grad():
        logits = model(x)
    probabilities = torch.softmax(logits, dim=1)
    return probabilities, probabilities.argmax(dim=1)


@mistake("calls model.eval() but never puts the model back in the mode it was in", replaces="predict")
def eval_left_on(model, x):
    model.eval()
    with torch.no_grad():
        logits = model(x)
        probabilities = torch.softmax(logits, dim=1)
        classes = probabilities.argmax(dim=1)
    return probabilities, classes


@mistake("switches back with model.train() afterwards, even when the model came in eval mode",
         replaces="predict")
def always_back_to_train(model, x):
    model.eval()
    with torch.no_grad():
        logits = model(x)
        probabilities = torch.softmax(logits, dim=1)
        classes = probabilities.argmax(dim=1)
    model.train()
    return probabilities, classes


@mistake("remembers only the top-level model.training and restores with model.train(was_training), "
         "losing sub-modules that were in a different mode (e.g. a frozen batch norm)", replaces="predict")
def restores_top_level_mode_only(model, x):
    was_training = model.training
    model.eval()
    with torch.no_grad():
        logits = model(x)
        probabilities = torch.softmax(logits, dim=1)
        classes = probabilities.argmax(dim=1)
    model.train(was_training)
    return probabilities, classes


@mistake("sets model.training = False by hand, which does not reach the sub-modules (dropout stays on)",
         replaces="predict")
def assigns_training_flag(model, x):
    was_training = model.training
    model.training = False
    with torch.no_grad():
        logits = model(x)
        probabilities = torch.softmax(logits, dim=1)
        classes = probabilities.argmax(dim=1)
    model.training = was_training
    return probabilities, classes


@mistake("puts only the Dropout layers in eval mode; batch norm keeps training on the batch",
         replaces="predict")
def evals_dropout_only(model, x):
    dropouts = [m for m in model.modules() if isinstance(m, nn.Dropout)]
    modes = [m.training for m in dropouts]
    for m in dropouts:
        m.eval()
    with torch.no_grad():
        logits = model(x)
        probabilities = torch.softmax(logits, dim=1)
        classes = probabilities.argmax(dim=1)
    for m, mode in zip(dropouts, modes):
        m.train(mode)
    return probabilities, classes


@mistake("no torch.no_grad(): eval mode is enough, isn't it? (the outputs carry a graph)",
         replaces="predict")
def records_graph(model, x):
    modes = [(m, m.training) for m in model.modules()]
    model.eval()
    logits = model(x)
    probabilities = torch.softmax(logits, dim=1)
    classes = probabilities.argmax(dim=1)
    for m, mode in modes:
        m.training = mode
    return probabilities, classes


@mistake("runs the forward with grad on and .detach()es the results instead of using no_grad",
         replaces="predict")
def detaches_instead_of_no_grad(model, x):
    modes = [(m, m.training) for m in model.modules()]
    model.eval()
    logits = model(x)
    probabilities = torch.softmax(logits, dim=1).detach()
    classes = probabilities.argmax(dim=1)
    for m, mode in modes:
        m.training = mode
    return probabilities, classes


@mistake("turns recording off with torch.set_grad_enabled(False) and never turns it back on",
         replaces="predict")
def grad_mode_left_off(model, x):
    modes = [(m, m.training) for m in model.modules()]
    model.eval()
    torch.set_grad_enabled(False)
    logits = model(x)
    probabilities = torch.softmax(logits, dim=1)
    classes = probabilities.argmax(dim=1)
    for m, mode in modes:
        m.training = mode
    return probabilities, classes


@mistake("softmax over dim 0 (the batch) instead of over the classes", replaces="predict")
def softmax_over_batch(model, x):
    modes = [(m, m.training) for m in model.modules()]
    model.eval()
    with torch.no_grad():
        logits = model(x)
        probabilities = torch.softmax(logits, dim=0)
        classes = probabilities.argmax(dim=1)
    for m, mode in modes:
        m.training = mode
    return probabilities, classes


@mistake("argmax with keepdim=True: classes come back as shape (N, 1)", replaces="predict")
def classes_keep_dim(model, x):
    modes = [(m, m.training) for m in model.modules()]
    model.eval()
    with torch.no_grad():
        logits = model(x)
        probabilities = torch.softmax(logits, dim=1)
        classes = probabilities.argmax(dim=1, keepdim=True)
    for m, mode in modes:
        m.training = mode
    return probabilities, classes


@mistake("casts the predicted classes to int32 to save memory", replaces="predict")
def classes_as_int32(model, x):
    modes = [(m, m.training) for m in model.modules()]
    model.eval()
    with torch.no_grad():
        logits = model(x)
        probabilities = torch.softmax(logits, dim=1)
        classes = probabilities.argmax(dim=1).to(torch.int32)
    for m, mode in modes:
        m.training = mode
    return probabilities, classes
