"""Named mistakes of kata deploy/torch_export."""

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
