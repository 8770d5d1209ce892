"""Recommender library: catalog, splits, collaborative-filtering scorers, graph, semantic index, personas, metrics.

This package imports no other project package (see the design's import rule).
"""
