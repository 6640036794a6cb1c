"""sinorus: the build that publishes the Sino-Russian high-tech partnership report as linked data.

The pipeline's stages are modules of their own, run in this order by ``pipeline.py``:
load -> validate -> render -> dump (see README.md, "How the build works").
"""
