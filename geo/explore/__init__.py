"""What a viewer chooses: the filter controls, the filters, the link's state, an uploaded layer."""
