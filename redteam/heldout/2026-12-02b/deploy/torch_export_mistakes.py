"""Blind red team: wrong answers for kata deploy/torch_export."""
import torch

from katas._support.mistakes import mistake

_LOADED = {}


# ---------------------------------------------------------------- export_model


@mistake("I exported without dynamic_shapes, so the program only accepts the example's batch size",
         replaces="export_model")
def export_fixed_batch(model, example, path):
    modes = [(module, module.training) for module in model.modules()]
    model.eval()
    try:
        program = torch.export.export(model, (example.detach(),))
    finally:
        for module, was_training in modes:
            module.train(was_training)
    torch.export.save(program, str(path))


@mistake("I marked the batch dynamic but traced on the example as given, so a 1-row example is refused",
         replaces="export_model")
def export_batch_one_not_handled(model, example, path):
    modes = [(module, module.training) for module in model.modules()]
    model.eval()
    try:
        batch = torch.export.Dim("batch")
        program = torch.export.export(model, (example,), dynamic_shapes=({0: batch},))
    finally:
        for module, was_training in modes:
            module.train(was_training)
    torch.export.save(program, str(path))


@mistake("I gave the batch Dim a 'reasonable' max of 512, so big batches (thousands of rows) are refused",
         replaces="export_model")
def export_dim_with_max(model, example, path):
    modes = [(module, module.training) for module in model.modules()]
    model.eval()
    try:
        traced = example.detach()
        if traced.shape[0] < 2:
            traced = torch.cat([traced, traced], dim=0)
        batch = torch.export.Dim("batch", max=512)
        program = torch.export.export(model, (traced,), dynamic_shapes=({0: batch},))
    finally:
        for module, was_training in modes:
            module.train(was_training)
    torch.export.save(program, str(path))


@mistake("I set min=2 on the batch Dim to keep clear of the 0/1 specialisation, so a 1-row input is refused",
         replaces="export_model")
def export_dim_min_two(model, example, path):
    modes = [(module, module.training) for module in model.modules()]
    model.eval()
    try:
        traced = example.detach()
        if traced.shape[0] < 2:
            traced = torch.cat([traced, traced], dim=0)
        batch = torch.export.Dim("batch", min=2)
        program = torch.export.export(model, (traced,), dynamic_shapes=({0: batch},))
    finally:
        for module, was_training in modes:
            module.train(was_training)
    torch.export.save(program, str(path))


@mistake("I forgot model.eval(): the program records the model in whatever mode it came in (dropout on, "
         "batch norm on batch statistics)", replaces="export_model")
def export_in_train_mode(model, example, path):
    traced = example.detach()
    if traced.shape[0] < 2:
        traced = torch.cat([traced, traced], dim=0)
    batch = torch.export.Dim("batch")
    program = torch.export.export(model, (traced,), dynamic_shapes=({0: batch},))
    torch.export.save(program, str(path))


@mistake("I restored the mode with model.train(was_training), which flips a frozen eval-mode layer "
         "inside a train-mode model back to train", replaces="export_model")
def export_restores_top_level_only(model, example, path):
    was_training = model.training
    model.eval()
    try:
        traced = example.detach()
        if traced.shape[0] < 2:
            traced = torch.cat([traced, traced], dim=0)
        batch = torch.export.Dim("batch")
        program = torch.export.export(model, (traced,), dynamic_shapes=({0: batch},))
    finally:
        model.train(was_training)
    torch.export.save(program, str(path))


@mistake("I called model.eval() before exporting and never put the model back in its mode",
         replaces="export_model")
def export_leaves_eval(model, example, path):
    model.eval()
    traced = example.detach()
    if traced.shape[0] < 2:
        traced = torch.cat([traced, traced], dim=0)
    batch = torch.export.Dim("batch")
    program = torch.export.export(model, (traced,), dynamic_shapes=({0: batch},))
    torch.export.save(program, str(path))


@mistake("I ran the model once on the example (under no_grad) as a sanity check before switching to eval, "
         "which moves batch norm's running statistics", replaces="export_model")
def export_after_sanity_forward(model, example, path):
    with torch.no_grad():
        model(example)  # make sure the model runs before exporting it
    modes = [(module, module.training) for module in model.modules()]
    model.eval()
    try:
        traced = example.detach()
        if traced.shape[0] < 2:
            traced = torch.cat([traced, traced], dim=0)
        batch = torch.export.Dim("batch")
        program = torch.export.export(model, (traced,), dynamic_shapes=({0: batch},))
    finally:
        for module, was_training in modes:
            module.train(was_training)
    torch.export.save(program, str(path))


@mistake("I keyed dynamic_shapes by the argument name 'x', which breaks for a forward whose argument has "
         "another name (nn.Sequential's is 'input')", replaces="export_model")
def export_dynamic_shapes_keyed_x(model, example, path):
    modes = [(module, module.training) for module in model.modules()]
    model.eval()
    try:
        traced = example.detach()
        if traced.shape[0] < 2:
            traced = torch.cat([traced, traced], dim=0)
        batch = torch.export.Dim("batch")
        program = torch.export.export(model, (traced,), dynamic_shapes={"x": {0: batch}})
    finally:
        for module, was_training in modes:
            module.train(was_training)
    torch.export.save(program, str(path))


@mistake("I froze the parameters (requires_grad_(False)) for inference before exporting and left them frozen",
         replaces="export_model")
def export_freezes_parameters(model, example, path):
    for parameter in model.parameters():
        parameter.requires_grad_(False)
    modes = [(module, module.training) for module in model.modules()]
    model.eval()
    try:
        traced = example.detach()
        if traced.shape[0] < 2:
            traced = torch.cat([traced, traced], dim=0)
        batch = torch.export.Dim("batch")
        program = torch.export.export(model, (traced,), dynamic_shapes=({0: batch},))
    finally:
        for module, was_training in modes:
            module.train(was_training)
    torch.export.save(program, str(path))


@mistake("I wrote the ExportedProgram with torch.save instead of torch.export.save, so torch.export.load "
         "cannot read the file", replaces="export_model")
def export_with_torch_save(model, example, path):
    modes = [(module, module.training) for module in model.modules()]
    model.eval()
    try:
        traced = example.detach()
        if traced.shape[0] < 2:
            traced = torch.cat([traced, traced], dim=0)
        batch = torch.export.Dim("batch")
        program = torch.export.export(model, (traced,), dynamic_shapes=({0: batch},))
    finally:
        for module, was_training in modes:
            module.train(was_training)
    torch.save(program, str(path))


# ---------------------------------------------------------------- load_model


@mistake("I cached the loaded module by path, so a program written again at the same path is not picked up",
         replaces="load_model")
def load_model_cached_by_path(path):
    key = str(path)
    if key not in _LOADED:
        _LOADED[key] = torch.export.load(key).module()
    return _LOADED[key]


@mistake("I called .eval() on the loaded module out of habit; a torch.export module refuses it",
         replaces="load_model")
def load_model_calls_eval(path):
    module = torch.export.load(str(path)).module()
    module.eval()
    return module


@mistake("I returned the ExportedProgram itself, forgetting .module(), so calling it does not predict",
         replaces="load_model")
def load_model_returns_program(path):
    return torch.export.load(str(path))


@mistake("my predict function hands back a NumPy array instead of a torch tensor", replaces="load_model")
def load_model_returns_numpy(path):
    module = torch.export.load(str(path)).module()

    def predict(x):
        with torch.no_grad():
            return module(x).numpy()

    return predict
