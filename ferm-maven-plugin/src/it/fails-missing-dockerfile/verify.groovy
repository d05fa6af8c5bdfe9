// No Dockerfile at all fails, naming the path.
def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/ItSupport.groovy'))
its.assertFailsWith(basedir, '''Dockerfile: the Dockerfile does not exist. Create it, or point 'dockerfile' at it.''')
true
