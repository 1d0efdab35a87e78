// Package learn holds the one learner every tagger and the parser use:
// hashed features (hash.go), a multiclass averaged perceptron for training
// (perceptron.go) and the compact frozen model that the annotators score
// with, with its file format (model.go); and a binary logistic regression
// (logistic.go) for the event coder's confidence.
//
// It sits under the annotators: internal/syntax (tagger and dependency
// parser) and internal/ner build their features with it, train with
// Trainer and score with Model.
package learn
