"""`mtcheck review`: a local web app where editors go through a batch article by article, mark each
finding confirmed or a false positive, and see the history of runs. Needs the `review` extra
(starlette, uvicorn); everything else here is the standard library."""
