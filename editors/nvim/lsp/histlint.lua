-- histlint for Neovim 0.11+ with the built-in LSP configuration:
--
--   vim.lsp.config('histlint', { settings = { histlint = { rules = { ['source/*'] = 'off' } } } })
--   vim.lsp.enable('histlint')
--
-- This file must be on 'runtimepath' together with lua/histlint (the same plugin folder).
return {
  cmd = { 'histlint', 'lsp' },
  filetypes = { 'markdown', 'text' },
  -- A loose file outside any project still gets a (shared) client without a root.
  root_dir = function(bufnr, on_dir)
    on_dir(require('histlint.root').for_buffer(bufnr))
  end,
  settings = { histlint = {} },
}
