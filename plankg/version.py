"""The version of plankg, in a module of its own so the store can record it without importing the
package (whose ``open`` imports the API, which imports the store)."""

__version__ = "0.1.0"
