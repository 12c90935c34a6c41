-- histlint for Neovim: starts `histlint lsp` for prose buffers, one client per project root.
--
--   require('histlint').setup({
--     cmd = { 'histlint', 'lsp' },
--     filetypes = { 'markdown', 'text' },
--     settings = { rules = { ['source/*'] = 'off' } },
--   })
--
-- Works on Neovim 0.7 (vim.lsp.start_client + buf_attach_client) and 0.8+ (vim.lsp.start).
-- Neovim 0.11 users may instead use lsp/histlint.lua with vim.lsp.enable('histlint').
local root = require('histlint.root')

local M = {}

local NAME = 'histlint'
-- Keys the server reads from the `histlint` settings section.
local SERVER_SETTING_KEYS = { 'rules', 'thresholds', 'documentDate', 'citationScope', 'inlayHints' }

M.defaults = {
  cmd = { 'histlint', 'lsp' },
  filetypes = { 'markdown', 'text' },
  settings = {},
}

local options = nil
-- Neovim 0.7 has no vim.lsp.start: we keep one client per root ourselves ('' = no root).
local client_by_root = {}

local function notify(message, level)
  vim.schedule(function()
    vim.notify('histlint: ' .. message, level or vim.log.levels.INFO)
  end)
end

local function has_nvim(version)
  return vim.fn.has('nvim-' .. version) == 1
end

-- Client methods are called with `:` from 0.11 on; `.` still works before and warns after.
local function client_notify(client, method, params)
  if has_nvim('0.11') then
    return client:notify(method, params)
  end
  return client.notify(method, params)
end

local function client_stop(client, force)
  if has_nvim('0.11') then
    return client:stop(force)
  end
  return client.stop(force)
end

local function client_is_stopped(client)
  if has_nvim('0.11') then
    return client:is_stopped()
  end
  return client.is_stopped()
end

local function get_clients()
  local all = vim.lsp.get_clients and vim.lsp.get_clients({ name = NAME })
    or vim.lsp.get_active_clients()
  local ours = {}
  for _, client in ipairs(all) do
    if client.name == NAME then
      table.insert(ours, client)
    end
  end
  return ours
end

-- Lua cannot tell an empty object from an empty list; the server expects objects.
local function as_object(value)
  if type(value) == 'table' and vim.tbl_isempty(value) then
    return vim.empty_dict()
  end
  return value
end

-- Accepts settings flat ({ rules = … }) or in their LSP section ({ histlint = { rules = … } }).
local function settings_section(settings)
  settings = settings or {}
  local flat = settings.histlint or settings
  local section = vim.empty_dict()
  for key, value in pairs(flat) do
    if not vim.tbl_contains(SERVER_SETTING_KEYS, key) then
      notify(
        string.format(
          'unknown setting "%s" (known: %s)',
          key,
          table.concat(SERVER_SETTING_KEYS, ', ')
        ),
        vim.log.levels.WARN
      )
    end
    section[key] = as_object(value)
  end
  return { histlint = section }
end

local function validate(opts)
  if type(opts.cmd) ~= 'table' or type(opts.cmd[1]) ~= 'string' then
    error('histlint: cmd must be a list like { "histlint", "lsp" }', 3)
  end
  if type(opts.filetypes) ~= 'table' then
    error('histlint: filetypes must be a list like { "markdown", "text" }', 3)
  end
  if type(opts.settings) ~= 'table' then
    error('histlint: settings must be a table like { rules = { ["source/*"] = "off" } }', 3)
  end
  local opener = opts.timeline_opener
  if opener ~= nil and opener ~= false and type(opener) ~= 'function' and type(opener) ~= 'table' then
    error('histlint: timeline_opener must be a command list like { "firefox" }, a function or false', 3)
  end
end

-- Options other than ours (on_attach, capabilities, handlers, init_options, flags, on_exit…)
-- go to the LSP client unchanged.
local OWN_KEYS = { cmd = true, filetypes = true, settings = true, timeline_opener = true }

local function client_config(root_dir)
  local config = {
    name = NAME,
    cmd = options.cmd,
    root_dir = root_dir,
    settings = settings_section(options.settings),
  }
  for key, value in pairs(options) do
    if not OWN_KEYS[key] then
      config[key] = value
    end
  end
  local user_on_init = options.on_init
  config.on_init = function(client, result)
    -- Older Neovim does not push settings itself (newer versions do; a second push is harmless).
    -- The server also pulls them with workspace/configuration.
    client_notify(client, 'workspace/didChangeConfiguration', { settings = client.config.settings })
    if user_on_init then
      user_on_init(client, result)
    end
  end
  local user_on_exit = options.on_exit
  config.on_exit = function(code, signal, client_id)
    local key = root_dir or ''
    if client_by_root[key] == client_id then
      client_by_root[key] = nil
    end
    if code ~= 0 or (signal and signal ~= 0 and signal ~= 15) then
      notify(
        string.format(
          'the server exited (code %d, signal %d); it restarts with the next buffer opened, or run :HistlintRestart. Log: %s',
          code,
          signal or 0,
          vim.lsp.get_log_path()
        ),
        vim.log.levels.ERROR
      )
    end
    if user_on_exit then
      user_on_exit(code, signal, client_id)
    end
  end
  return config
end

local missing_binary_reported = false

local function attachable(bufnr)
  return vim.api.nvim_buf_is_valid(bufnr)
    and vim.bo[bufnr].buftype == ''
    and vim.api.nvim_buf_get_name(bufnr) ~= ''
    and vim.tbl_contains(options.filetypes, vim.bo[bufnr].filetype)
end

--- Starts (or reuses) the client for the buffer's root and attaches it.
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  if not options or not attachable(bufnr) then
    return
  end
  if vim.fn.executable(options.cmd[1]) ~= 1 then
    if not missing_binary_reported then
      missing_binary_reported = true
      notify(
        string.format(
          'cannot run "%s": not found or not executable. Install histlint or pass cmd = { "/path/to/histlint", "lsp" } to setup().',
          options.cmd[1]
        ),
        vim.log.levels.ERROR
      )
    end
    return
  end
  local root_dir = root.for_buffer(bufnr)
  if vim.lsp.start then
    return vim.lsp.start(client_config(root_dir), { bufnr = bufnr })
  end
  local key = root_dir or ''
  local client_id = client_by_root[key]
  local client = client_id and vim.lsp.get_client_by_id(client_id)
  if not client or client_is_stopped(client) then
    client_id = vim.lsp.start_client(client_config(root_dir))
    if not client_id then
      notify('could not start ' .. table.concat(options.cmd, ' '), vim.log.levels.ERROR)
      return
    end
    client_by_root[key] = client_id
  end
  vim.lsp.buf_attach_client(bufnr, client_id)
  return client_id
end

--- The options setup() was given, merged over the defaults; nil before setup().
function M.current_options()
  return options
end

--- The running histlint clients.
M.clients = get_clients

--- Sends new settings to every running histlint server (and uses them for new ones).
function M.update_settings(settings)
  if not options then
    error('histlint: call setup() first')
  end
  options.settings = settings
  local section = settings_section(settings)
  for _, client in ipairs(get_clients()) do
    -- 0.7 answers workspace/configuration from client.config.settings, 0.10+ from client.settings.
    client.config.settings = section
    if client.settings ~= nil then
      client.settings = section
    end
    client_notify(client, 'workspace/didChangeConfiguration', { settings = section })
  end
end

--- Stops every histlint server and starts them again for the open buffers.
function M.restart()
  local clients = get_clients()
  for _, client in ipairs(clients) do
    client_stop(client)
  end
  client_by_root = {}
  missing_binary_reported = false
  local function all_stopped()
    for _, client in ipairs(clients) do
      if not client_is_stopped(client) then
        return false
      end
    end
    return true
  end
  vim.wait(3000, all_stopped, 50)
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) then
      M.attach(bufnr)
    end
  end
end

-- The system's opener for a file: vim.ui.open on 0.10+, else xdg-open, open or start.
local function system_open(path)
  if vim.ui.open then
    vim.ui.open(path)
    return
  end
  local command
  if vim.fn.has('mac') == 1 then
    command = { 'open', path }
  elseif vim.fn.has('win32') == 1 then
    command = { 'cmd', '/c', 'start', '', path }
  else
    command = { 'xdg-open', path }
  end
  if vim.fn.jobstart(command, { detach = true }) <= 0 then
    notify('cannot run ' .. command[1] .. ' to open ' .. path, vim.log.levels.ERROR)
  end
end

local function open_page(path)
  local opener = (options or M.defaults).timeline_opener
  if opener == false then
    return
  elseif type(opener) == 'function' then
    opener(path)
  elseif type(opener) == 'table' then
    local command = vim.deepcopy(opener)
    table.insert(command, path)
    vim.fn.jobstart(command, { detach = true })
  else
    system_open(path)
  end
end

-- :HistlintTimeline [FILE]: writes `histlint report` of the buffer's file (to FILE, or a page in
-- Neovim's cache folder) and opens it. `done(path, exit_code)` is called when it is written.
function M.timeline(output, done)
  local bufnr = vim.api.nvim_get_current_buf()
  local file = vim.api.nvim_buf_get_name(bufnr)
  if file == '' then
    notify('save the buffer to a file first: the timeline is drawn from the file', vim.log.levels.WARN)
    return
  end
  if vim.bo[bufnr].modified then
    notify('the buffer has unsaved changes; the timeline shows the saved file', vim.log.levels.WARN)
  end
  if not output or output == '' then
    local folder = vim.fn.stdpath('cache') .. '/histlint'
    vim.fn.mkdir(folder, 'p')
    output = folder .. '/timeline-' .. vim.fn.fnamemodify(file, ':t:r') .. '.html'
  end
  output = vim.fn.fnamemodify(output, ':p')
  local binary = (options or M.defaults).cmd[1]
  local errors = {}
  local job = vim.fn.jobstart({ binary, 'report', '-o', output, file }, {
    stderr_buffered = true,
    on_stderr = function(_, lines)
      errors = lines
    end,
    on_exit = function(_, code)
      -- 2 with a page: some file could not be read, the others are drawn.
      if vim.fn.filereadable(output) == 1 and (code == 0 or code == 2) then
        if code ~= 0 then
          notify(table.concat(errors, '\n'), vim.log.levels.WARN)
        end
        open_page(output)
      else
        notify('report failed (' .. code .. '): ' .. table.concat(errors, '\n'), vim.log.levels.ERROR)
      end
      if done then
        done(output, code)
      end
    end,
  })
  if job <= 0 then
    notify('cannot run ' .. binary, vim.log.levels.ERROR)
  end
end

function M.setup(opts)
  options = vim.tbl_extend('force', vim.deepcopy(M.defaults), opts or {})
  validate(options)
  local augroup = vim.api.nvim_create_augroup('histlint', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = augroup,
    pattern = options.filetypes,
    callback = function(event)
      M.attach(event.buf)
    end,
    desc = 'Start or attach the histlint language server',
  })
  vim.api.nvim_create_user_command('HistlintRestart', M.restart, {
    desc = 'Restart the histlint language server',
  })
  vim.api.nvim_create_user_command('HistlintTimeline', function(command)
    M.timeline(command.args)
  end, {
    nargs = '?',
    complete = 'file',
    desc = "Write the HTML timeline of the buffer's file and open it",
  })
  -- setup() may run after buffers were opened (lazy loading).
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) then
      M.attach(bufnr)
    end
  end
end

return M
