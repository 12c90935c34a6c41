-- Finds the project root of a file: the nearest folder with a histlint configuration
-- (.histlint.json or .histlint/), else the nearest git checkout. Works on Neovim 0.7 (no vim.fs).
local M = {}

M.marker_groups = { { '.histlint.json', '.histlint' }, { '.git' } }

local uv = vim.uv or vim.loop

local function parent(dir)
  local up = vim.fn.fnamemodify(dir, ':h')
  if up == dir then
    return nil
  end
  return up
end

local function has_marker(dir, markers)
  for _, marker in ipairs(markers) do
    if uv.fs_stat(dir .. '/' .. marker) then
      return true
    end
  end
  return false
end

--- Root folder for a file path, or nil when no marker is found above it.
function M.find(path)
  if not path or path == '' then
    return nil
  end
  local start = vim.fn.fnamemodify(path, ':p:h')
  for _, markers in ipairs(M.marker_groups) do
    local dir = start
    while dir do
      if has_marker(dir, markers) then
        return dir
      end
      dir = parent(dir)
    end
  end
  return nil
end

--- Root folder for a buffer, or nil.
function M.for_buffer(bufnr)
  return M.find(vim.api.nvim_buf_get_name(bufnr))
end

return M
