-- :checkhealth histlint
local M = {}

-- vim.health on 0.8+ (start/ok/… from 0.10, report_* before); the `health` module on 0.7.
local health = vim.health or require('health')
local report = {
  start = health.start or health.report_start,
  ok = health.ok or health.report_ok,
  warn = health.warn or health.report_warn,
  error = health.error or health.report_error,
  info = health.info or health.report_info,
}

function M.check()
  report.start('histlint')
  if vim.fn.has('nvim-0.7') ~= 1 then
    report.error('Neovim 0.7 or later is required')
    return
  end
  local histlint = require('histlint')
  local options = histlint.current_options()
  if not options then
    report.warn('require("histlint").setup() has not been called (fine when using vim.lsp.enable)')
    options = histlint.defaults
  end
  local binary = options.cmd[1]
  if vim.fn.executable(binary) ~= 1 then
    report.error(string.format('"%s" is not executable: install histlint or set cmd in setup()', binary))
  else
    local version = vim.fn.system({ binary, '--version' })
    if vim.v.shell_error == 0 then
      report.ok(string.format('%s: %s', vim.fn.exepath(binary), vim.trim(version)))
    else
      report.error(string.format('"%s --version" failed: %s', binary, vim.trim(version)))
    end
  end
  report.info('filetypes: ' .. table.concat(options.filetypes, ', '))
  local clients = histlint.clients()
  if #clients == 0 then
    report.info('no histlint server running')
  end
  for _, client in ipairs(clients) do
    report.ok(string.format('server %d running for %s', client.id, client.config.root_dir or '(no root)'))
  end
end

return M
