"""Recommender core: catalog, splits, collaborative-filtering scorers, metrics, evaluation.

This package imports no other project package (see the design's import rule).
"""
