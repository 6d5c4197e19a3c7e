"""What every stage shares and no stage owns: the settings, the data types at the seams, the store's layout."""
