"""The trained reader of typed messages (issue 27): the model files in built/, served through
fasttext-predict (model.py); built from the corpus by train.py, which only `siaga admin corpus
train` runs (it needs fasttext-wheel and numpy, which no worker loads)."""
