"""Named mistakes of kata deploy/torch_export."""

import functools

import torch

from katas._support.mistakes import mistake


@mistake("pickles the whole model with torch.save(model): the file needs the model's class to load",
         replaces="export_model")
def pickles_the_model(model, example, path):
    torch.save(model, path)


@mistake("exports without dynamic_shapes: the program takes the example's batch size only", replaces="export_model")
def fixed_batch(model, example, path):
    was_training = model.training
    model.eval()
    program = torch.export.export(model, (example,))
    model.train(was_training)
    torch.export.save(program, path)


@mistake("exports the model in the mode it came in: a model in train mode gives a program with dropout on "
         "and batch norm on each batch's statistics", replaces="export_model")
def traced_in_train_mode(model, example, path):
    if example.shape[0] == 1:
        example = torch.cat([example, example])
    program = torch.export.export(model, (example,), dynamic_shapes=({0: torch.export.Dim("batch")},))
    torch.export.save(program, path)


@mistake("returns the ExportedProgram itself, which cannot be called: its .module() runs it", replaces="load_model")
def returns_the_exported_program(path):
    return torch.export.load(path)


# Written blind, from the stub alone (red team, 2026-12)


def _batch2(example):
    return example if example.shape[0] > 1 else example.expand(2, -1)


def _modes(model):
    return {m: m.training for m in model.modules()}


def _restore(modes):
    for m, t in modes.items():
        m.train(t)


# ----------------------------------------------------------------- export_model


@mistake("made the batch dynamic but forgot the b = 1 case: export refuses it", replaces="export_model")
def no_batch_one_workaround(model, example, path):
    modes = _modes(model)
    model.eval()
    try:
        ep = torch.export.export(
            model, (example,), dynamic_shapes=({0: torch.export.Dim("batch")},)
        )
        torch.export.save(ep, path)
    finally:
        _restore(modes)


@mistake("used Dim.AUTO so it never errors; with b = 1 it silently specializes to batch 1",
         replaces="export_model")
def auto_dim_specializes_one(model, example, path):
    modes = _modes(model)
    model.eval()
    try:
        ep = torch.export.export(
            model, (example,), dynamic_shapes=({0: torch.export.Dim.AUTO},)
        )
        torch.export.save(ep, path)
    finally:
        _restore(modes)


@mistake("capped the batch Dim at the example's batch size (max=b), bigger batches are refused",
         replaces="export_model")
def batch_dim_capped_at_example(model, example, path):
    modes = _modes(model)
    model.eval()
    try:
        ex = _batch2(example)
        batch = torch.export.Dim("batch", min=1, max=ex.shape[0])
        ep = torch.export.export(model, (ex,), dynamic_shapes=({0: batch},))
        torch.export.save(ep, path)
    finally:
        _restore(modes)


@mistake("thought torch.no_grad() is enough for inference, no eval(), so train-mode layers get recorded",
         replaces="export_model")
def no_grad_instead_of_eval(model, example, path):
    ex = _batch2(example)
    with torch.no_grad():
        ep = torch.export.export(
            model, (ex,), dynamic_shapes=({0: torch.export.Dim("batch")},)
        )
    torch.export.save(ep, path)


@mistake("called model.eval() to export but never put the model back in train mode",
         replaces="export_model")
def mode_not_restored(model, example, path):
    model.eval()
    ex = _batch2(example)
    ep = torch.export.export(model, (ex,), dynamic_shapes=({0: torch.export.Dim("batch")},))
    torch.export.save(ep, path)


@mistake("restored with model.train(was_training): flips every layer to the top-level mode, "
         "losing layers that were in a different mode", replaces="export_model")
def restore_top_level_mode_only(model, example, path):
    was_training = model.training
    model.eval()
    try:
        ex = _batch2(example)
        ep = torch.export.export(
            model, (ex,), dynamic_shapes=({0: torch.export.Dim("batch")},)
        )
        torch.export.save(ep, path)
    finally:
        model.train(was_training)


@mistake("restored by setting model.training = was, which does not reach the layers",
         replaces="export_model")
def restore_training_attribute_only(model, example, path):
    was_training = model.training
    model.eval()
    ex = _batch2(example)
    ep = torch.export.export(model, (ex,), dynamic_shapes=({0: torch.export.Dim("batch")},))
    torch.export.save(ep, path)
    model.training = was_training


@mistake("always calls model.train() afterwards, assuming the model came in training",
         replaces="export_model")
def always_back_to_train(model, example, path):
    model.eval()
    ex = _batch2(example)
    ep = torch.export.export(model, (ex,), dynamic_shapes=({0: torch.export.Dim("batch")},))
    torch.export.save(ep, path)
    model.train()


@mistake("switched only the direct children to eval, so nested layers stay in train mode in the program",
         replaces="export_model")
def eval_direct_children_only(model, example, path):
    modes = _modes(model)
    model.training = False
    for child in model.children():
        child.training = False
    try:
        ex = _batch2(example)
        ep = torch.export.export(
            model, (ex,), dynamic_shapes=({0: torch.export.Dim("batch")},)
        )
        torch.export.save(ep, path)
    finally:
        _restore(modes)


@mistake("ran the model on the example first (to check the output shape) before switching to eval: "
         "moves batch norm's running statistics", replaces="export_model")
def sanity_forward_in_train_mode(model, example, path):
    modes = _modes(model)
    with torch.no_grad():
        out = model(example)
    assert out.shape[0] == example.shape[0]
    model.eval()
    try:
        ex = _batch2(example)
        ep = torch.export.export(
            model, (ex,), dynamic_shapes=({0: torch.export.Dim("batch")},)
        )
        torch.export.save(ep, path)
    finally:
        _restore(modes)


@mistake("saved the ExportedProgram with torch.save instead of torch.export.save",
         replaces="export_model")
def torch_save_program(model, example, path):
    modes = _modes(model)
    model.eval()
    try:
        ex = _batch2(example)
        ep = torch.export.export(
            model, (ex,), dynamic_shapes=({0: torch.export.Dim("batch")},)
        )
        torch.save(ep, path)
    finally:
        _restore(modes)


@mistake("converted to float64 for precision: the model is changed and the program wants float64 inputs",
         replaces="export_model")
def double_precision_export(model, example, path):
    modes = _modes(model)
    model.double().eval()
    try:
        ex = _batch2(example).double()
        ep = torch.export.export(
            model, (ex,), dynamic_shapes=({0: torch.export.Dim("batch")},)
        )
        torch.export.save(ep, path)
    finally:
        _restore(modes)


@mistake("passed dynamic_shapes keyed by the argument name 'x', which only works for forward(self, x)",
         replaces="export_model")
def dynamic_shapes_keyed_by_guessed_name(model, example, path):
    modes = _modes(model)
    model.eval()
    try:
        ex = _batch2(example)
        ep = torch.export.export(
            model, (ex,), dynamic_shapes={"x": {0: torch.export.Dim("batch")}}
        )
        torch.export.save(ep, path)
    finally:
        _restore(modes)


# ------------------------------------------------------------------- load_model


@mistake("called .eval() on the loaded module to be safe", replaces="load_model")
def eval_on_loaded_module(path):
    return torch.export.load(path).module().eval()


@mistake("loaded with torch.load like any other checkpoint", replaces="load_model")
def torch_load_archive(path):
    return torch.load(path, weights_only=False)


@mistake("called the program's graph_module directly (its weights are lifted inputs)",
         replaces="load_model")
def raw_graph_module(path):
    return torch.export.load(path).graph_module


@mistake("squeezes the output to tidy it: a batch of 1 (or out = 1) loses a dimension",
         replaces="load_model")
def squeezed_output(path):
    module = torch.export.load(path).module()

    def predict(x):
        return module(x).squeeze()

    return predict


@mistake("returns the predictions as a numpy array", replaces="load_model")
def numpy_predictions(path):
    module = torch.export.load(path).module()

    def predict(x):
        return module(x).detach().numpy()

    return predict


@mistake("casts predictions to float64 for precision", replaces="load_model")
def float64_predictions(path):
    module = torch.export.load(path).module()
    return lambda x: module(x).double()


@mistake("applies softmax to turn the outputs into probabilities", replaces="load_model")
def softmaxed_predictions(path):
    module = torch.export.load(path).module()
    return lambda x: torch.softmax(module(x), dim=-1)


@mistake("cached loaded programs by path: a new export at the same path serves the old program",
         replaces="load_model")
@functools.lru_cache(maxsize=None)
def cached_by_path(path):
    return torch.export.load(path).module()


@mistake("predicts row by row with x[i], which drops the batch dimension the program expects",
         replaces="load_model")
def row_by_row_without_batch_dim(path):
    module = torch.export.load(path).module()

    def predict(x):
        return torch.stack([module(row) for row in x])

    return predict



# Added while merging: a finite max and a frozen layer unfrozen (the docstring rules out both).


@mistake("gives the batch Dim a max of 1024 (a typical serving cap): a larger batch is refused",
         replaces="export_model")
def batch_dim_capped_at_1024(model, example, path):
    modes = _modes(model)
    model.eval()
    try:
        ep = torch.export.export(model, (_batch2(example),),
                                 dynamic_shapes=({0: torch.export.Dim("batch", max=1024)},))
        torch.export.save(ep, path)
    finally:
        _restore(modes)


@mistake("freezes the parameters with requires_grad_(False) for the export, then unfreezes them all: "
         "a layer that came frozen comes back trainable", replaces="export_model")
def unfreezes_every_parameter(model, example, path):
    modes = _modes(model)
    model.eval().requires_grad_(False)
    try:
        ep = torch.export.export(model, (_batch2(example),), dynamic_shapes=({0: torch.export.Dim("batch")},))
        torch.export.save(ep, path)
    finally:
        _restore(modes)
        model.requires_grad_(True)


# Found by the spec audit (2026-12-03): written from the stub and its tests, where a docstring
# sentence was checked on too few inputs


@mistake("gives the batch Dim a max of 8192 (a generous serving cap): a larger batch is refused",
         replaces="export_model")
def batch_dim_capped_at_8192(model, example, path):
    modes = _modes(model)
    model.eval()
    try:
        ep = torch.export.export(model, (_batch2(example),),
                                 dynamic_shapes=({0: torch.export.Dim("batch", max=8192)},))
        torch.export.save(ep, path)
    finally:
        _restore(modes)


@mistake("opened the file with path.open(): a str path, as in the docstring, has no .open", replaces="load_model")
def load_with_path_open(path):
    with path.open("rb") as file:
        return torch.export.load(file).module()


# Found by the second review (2026-12-03): written with the tests in view, for the docstring's
# "it reads the file when it is called", which no test kept


@mistake("returns a function that loads the file at every prediction: the predictor follows whatever is "
         "written at the path later, and reads the archive again on each call", replaces="load_model")
def load_at_each_prediction(path):
    def predict(x):
        return torch.export.load(path).module()(x)

    return predict
