-- End-to-end test of editors/nvim in a real (headless) Neovim against a real `histlint lsp`.
-- Run by tests/editors/nvim_e2e.sh, which passes:
--   HISTLINT_BIN      the server binary
--   HISTLINT_ROOT     the project root the plugin must detect (holds a .histlint/ folder)
--   HISTLINT_DATES    a seed with a date contradiction ("assassinated at age 61")
--   HISTLINT_GARBLED  a seed with garbled text
--   HISTLINT_RESULTS  file receiving one "PASS name" / "FAIL name: why" line per check
local bin = assert(os.getenv('HISTLINT_BIN'))
local expected_root = assert(os.getenv('HISTLINT_ROOT'))
local dates_path = assert(os.getenv('HISTLINT_DATES'))
local garbled_path = assert(os.getenv('HISTLINT_GARBLED'))
local results = assert(io.open(assert(os.getenv('HISTLINT_RESULTS')), 'w'))

local DIAGNOSTICS_TIMEOUT_MS = 30000
local REQUEST_TIMEOUT_MS = 10000

local function record(name, ok, detail)
  local line = (ok and 'PASS ' or 'FAIL ') .. name
  if not ok and detail then
    line = line .. ': ' .. tostring(detail):gsub('%s+', ' '):sub(1, 800)
  end
  results:write(line, '\n')
  results:flush()
  return ok
end

local function has_nvim(version)
  return vim.fn.has('nvim-' .. version) == 1
end

-- Client methods take `:` from Neovim 0.11 on; `.` before.
local function call(client, method, ...)
  if has_nvim('0.11') then
    return client[method](client, ...)
  end
  return client[method](...)
end

local function buf_clients(bufnr)
  if vim.lsp.get_clients then
    return vim.lsp.get_clients({ bufnr = bufnr, name = 'histlint' })
  end
  local found = {}
  for _, client in pairs(vim.lsp.buf_get_clients(bufnr)) do
    if client.name == 'histlint' then
      table.insert(found, client)
    end
  end
  return found
end

local function codes(bufnr)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(list, tostring(d.code))
  end
  return list
end

local function has_code_prefix(bufnr, prefix)
  for _, code in ipairs(codes(bufnr)) do
    if code:sub(1, #prefix) == prefix then
      return true
    end
  end
  return false
end

local function describe_diagnostics(bufnr)
  local parts = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(parts, string.format('%s@%d', tostring(d.code), d.lnum + 1))
  end
  return #parts == 0 and 'none' or table.concat(parts, ' ')
end

-- The 0-based line and byte column of the first match of a Lua pattern in a buffer.
local function find_in_buffer(bufnr, pattern)
  for lnum, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, true)) do
    local col = line:find(pattern)
    if col then
      return lnum - 1, col - 1
    end
  end
end

local function hover_text(result)
  if not result or not result.contents then
    return nil, nil
  end
  local contents = result.contents
  if type(contents) == 'string' then
    return contents, 'plaintext'
  end
  if contents.kind then
    return contents.value, contents.kind
  end
  if contents.value then -- MarkedString {language, value}
    return contents.value, 'markedstring'
  end
  local parts = {}
  for _, item in ipairs(contents) do
    table.insert(parts, type(item) == 'string' and item or item.value)
  end
  return table.concat(parts, '\n'), 'markedstring'
end

-- The LSP form of a vim.diagnostic item, as a code action request's context carries it.
local function to_lsp_diagnostic(bufnr, d, offset_encoding)
  local lsp = d.user_data and d.user_data.lsp or {}
  if lsp.range then -- Neovim 0.10+ keeps the whole original diagnostic
    return lsp
  end
  local function position(lnum, col)
    return { line = lnum, character = vim.lsp.util.character_offset(bufnr, lnum, col, offset_encoding) }
  end
  return vim.tbl_extend('keep', {
    range = {
      start = position(d.lnum, d.col),
      ['end'] = position(d.end_lnum or d.lnum, d.end_col or d.col),
    },
    severity = d.severity,
    message = d.message,
    source = d.source,
    code = d.code,
  }, lsp)
end

local function is_quickfix(action)
  return type(action) == 'table' and type(action.kind) == 'string' and action.kind:sub(1, 8) == 'quickfix'
end

local function count_like(bufnr, diagnostic)
  local n = 0
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.code == diagnostic.code and d.message == diagnostic.message then
      n = n + 1
    end
  end
  return n
end

local function run()
  local exit_codes = {}
  local timeline_opened = nil
  require('histlint').setup({
    cmd = { bin, 'lsp' },
    filetypes = { 'markdown', 'text' },
    timeline_opener = function(path)
      timeline_opened = path
    end,
    on_exit = function(code, signal, client_id)
      exit_codes[client_id] = { code = code, signal = signal }
    end,
  })

  vim.cmd('edit ' .. vim.fn.fnameescape(dates_path))
  local dates_buf = vim.api.nvim_get_current_buf()
  local dates_win = vim.api.nvim_get_current_win()
  record('seed opens with filetype "text"', vim.bo[dates_buf].filetype == 'text', vim.bo[dates_buf].filetype)

  local attached = vim.wait(10000, function()
    local clients = buf_clients(dates_buf)
    return #clients > 0 and not vim.tbl_isempty(clients[1].server_capabilities or {})
  end, 50)
  if not record('client starts and attaches', attached, 'no histlint client on the buffer after 10 s') then
    return
  end
  local client = buf_clients(dates_buf)[1]
  record(
    'root detected from .histlint/ (nearer than .git)',
    client.config.root_dir == expected_root,
    string.format('got %s, want %s', tostring(client.config.root_dir), expected_root)
  )

  vim.cmd('vsplit ' .. vim.fn.fnameescape(garbled_path))
  local garbled_buf = vim.api.nvim_get_current_buf()
  vim.wait(5000, function()
    return #buf_clients(garbled_buf) > 0
  end, 50)
  local garbled_clients = buf_clients(garbled_buf)
  record(
    'one client per root (second file reuses it)',
    #garbled_clients == 1 and garbled_clients[1].id == client.id,
    string.format('%d clients on the second buffer', #garbled_clients)
  )

  vim.cmd('checkhealth histlint')
  local health = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), '\n')
  record(
    ':checkhealth histlint shows the binary version and the running server',
    health:find('histlint %d+%.%d+') ~= nil and health:find(expected_root, 1, true) ~= nil,
    health
  )
  vim.cmd('tabclose')

  local got_diagnostics = vim.wait(DIAGNOSTICS_TIMEOUT_MS, function()
    return has_code_prefix(dates_buf, 'date/') and has_code_prefix(garbled_buf, 'garble/')
  end, 100)
  record(
    'a date/ diagnostic on the dates seed',
    has_code_prefix(dates_buf, 'date/'),
    'diagnostics: ' .. describe_diagnostics(dates_buf)
  )
  record(
    'a garble/ diagnostic on the garbled seed',
    has_code_prefix(garbled_buf, 'garble/'),
    'diagnostics: ' .. describe_diagnostics(garbled_buf)
  )
  if got_diagnostics then
    local age_line = find_in_buffer(dates_buf, 'assassinated at age 61')
    local on_age_line = false
    for _, d in ipairs(vim.diagnostic.get(dates_buf)) do
      local code = tostring(d.code)
      if code:sub(1, 5) == 'date/' and d.lnum <= age_line and (d.end_lnum or d.lnum) >= age_line then
        on_age_line = true
      end
    end
    record(
      'the date/ diagnostic flags "assassinated at age 61"',
      on_age_line,
      string.format('nothing on line %d; diagnostics: %s', (age_line or -1) + 1, describe_diagnostics(dates_buf))
    )
    local all_from_histlint = true
    for _, bufnr in ipairs({ dates_buf, garbled_buf }) do
      for _, d in ipairs(vim.diagnostic.get(bufnr)) do
        if d.source ~= 'histlint' then
          all_from_histlint = false
        end
      end
    end
    record('diagnostics carry source "histlint"', all_from_histlint)
  end

  -- Hover over a name, through the protocol and through the user's K (vim.lsp.buf.hover).
  vim.api.nvim_set_current_win(dates_win)
  local name_line, name_col = find_in_buffer(dates_buf, 'Trotsky%f[^%w]')
  if not record('the dates seed names Trotsky', name_line ~= nil) then
    return
  end
  vim.api.nvim_win_set_cursor(dates_win, { name_line + 1, name_col + 2 })
  local params = vim.lsp.util.make_position_params(dates_win, client.offset_encoding)
  local responses = vim.lsp.buf_request_sync(dates_buf, 'textDocument/hover', params, REQUEST_TIMEOUT_MS)
  local response = responses and responses[client.id]
  local text, kind = hover_text(response and response.result)
  record('hover on "Trotsky" returns a card', text ~= nil, vim.inspect(response))
  if text then
    record('the card is Markdown', kind == 'markdown', 'kind ' .. tostring(kind))
    record(
      'the card gives 1879 and 1940',
      text:find('1879', 1, true) ~= nil and text:find('1940', 1, true) ~= nil,
      text
    )
  end

  local windows_before = {}
  for _, win in ipairs(vim.api.nvim_list_wins()) do
    windows_before[win] = true
  end
  vim.lsp.buf.hover()
  local float_text = nil
  vim.wait(REQUEST_TIMEOUT_MS, function()
    for _, win in ipairs(vim.api.nvim_list_wins()) do
      if not windows_before[win] and vim.api.nvim_win_get_config(win).relative ~= '' then
        local lines = vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(win), 0, -1, false)
        float_text = table.concat(lines, '\n')
        return true
      end
    end
    return false
  end, 50)
  record(
    'K shows the card in a floating window',
    float_text ~= nil and float_text:find('1879', 1, true) ~= nil,
    float_text and ('float shows: ' .. float_text) or 'no floating window'
  )
  vim.cmd('silent! only')
  vim.api.nvim_set_current_buf(dates_buf)

  -- Code actions. First ask the server directly which diagnostic has a quickfix…
  local fixable_buf, fixable = nil, nil
  for _, bufnr in ipairs({ dates_buf, garbled_buf }) do
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      local lsp_diagnostic = to_lsp_diagnostic(bufnr, d, client.offset_encoding)
      local replies = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', {
        textDocument = { uri = vim.uri_from_bufnr(bufnr) },
        range = lsp_diagnostic.range,
        context = { diagnostics = { lsp_diagnostic } },
      }, REQUEST_TIMEOUT_MS)
      local reply = replies and replies[client.id]
      for _, action in ipairs(reply and reply.result or {}) do
        if is_quickfix(action) then
          fixable_buf, fixable = bufnr, d
        end
      end
      if fixable then
        break
      end
    end
    if fixable then
      break
    end
  end
  if not record('a quickfix code action is offered', fixable ~= nil, 'no quickfix for any diagnostic') then
    return
  end

  -- …then do what a user does: cursor on it, vim.lsp.buf.code_action(), pick the quickfix.
  local menu = nil
  vim.ui.select = function(items, _, on_choice)
    menu = { items = items, on_choice = on_choice }
  end
  local win = vim.api.nvim_get_current_win()
  vim.api.nvim_win_set_buf(win, fixable_buf)
  vim.api.nvim_win_set_cursor(win, { fixable.lnum + 1, fixable.col })
  local same_before = count_like(fixable_buf, fixable)
  local tick_before = vim.api.nvim_buf_get_changedtick(fixable_buf)
  vim.lsp.buf.code_action()
  vim.wait(REQUEST_TIMEOUT_MS, function()
    return menu ~= nil
  end, 50)
  local choice, title = nil, nil
  for index, item in ipairs(menu and menu.items or {}) do
    local action = item.action or item[2] -- 0.10+: { action = … }; 0.7: { client_id, action }
    if is_quickfix(action) and not choice then
      choice, title = index, action.title
    end
  end
  if
    not record(
      'the code action menu on the diagnostic lists the quickfix',
      choice ~= nil,
      menu and string.format('%d items, none a quickfix', #menu.items) or 'no menu shown'
    )
  then
    return
  end
  menu.on_choice(menu.items[choice], choice)
  local edited = vim.wait(REQUEST_TIMEOUT_MS, function()
    return vim.api.nvim_buf_get_changedtick(fixable_buf) ~= tick_before
  end, 50)
  record(string.format('choosing "%s" edits the buffer', title), edited)
  local resolved = vim.wait(DIAGNOSTICS_TIMEOUT_MS, function()
    return count_like(fixable_buf, fixable) < same_before
  end, 100)
  record(
    'the fixed diagnostic is gone after re-analysis',
    resolved,
    string.format('%s "%s" still reported', tostring(fixable.code), fixable.message)
  )

  -- Settings travel to the server: turning the garble family off clears its diagnostics.
  require('histlint').update_settings({ rules = { ['garble/*'] = 'off' } })
  local cleared = vim.wait(DIAGNOSTICS_TIMEOUT_MS, function()
    return not has_code_prefix(garbled_buf, 'garble/')
  end, 100)
  record(
    'settings { rules = { ["garble/*"] = "off" } } clear garble/ diagnostics',
    cleared,
    'still: ' .. describe_diagnostics(garbled_buf)
  )
  require('histlint').update_settings({})
  local restored = vim.wait(DIAGNOSTICS_TIMEOUT_MS, function()
    return has_code_prefix(garbled_buf, 'garble/')
  end, 100)
  record('removing the setting brings garble/ diagnostics back', restored)

  -- :HistlintTimeline writes the buffer's report and hands it to the opener.
  vim.api.nvim_set_current_buf(dates_buf)
  local page_path = vim.fn.tempname() .. '.html'
  vim.cmd('HistlintTimeline ' .. vim.fn.fnameescape(page_path))
  local opened = vim.wait(30000, function()
    return timeline_opened ~= nil
  end, 100)
  local page = opened and table.concat(vim.fn.readfile(page_path), '\n') or ''
  record(
    ':HistlintTimeline writes the HTML timeline and opens it',
    opened and timeline_opened == page_path and page:find('<!DOCTYPE html>', 1, true) == 1
      and page:find('class="mark finding', 1, true) ~= nil,
    opened and ('opened ' .. timeline_opened .. ', ' .. #page .. ' bytes') or 'nothing opened in 30 s'
  )

  -- Clean shutdown: shutdown + exit, exit status 0.
  call(client, 'stop')
  local exited = vim.wait(5000, function()
    return exit_codes[client.id] ~= nil
  end, 50)
  local status = exit_codes[client.id]
  record(
    'server exits with status 0 on shutdown',
    exited and status.code == 0,
    exited and string.format('code %d signal %d', status.code, status.signal or 0) or 'did not exit in 5 s'
  )
end

local ok, err = xpcall(run, debug.traceback)
if not ok then
  record('test script ran to the end', false, tostring(err))
end
results:close()
vim.cmd('qall!')
